package de.videotermin.consultation.signalling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.glassfish.tyrus.core.BaseContainer;
import org.glassfish.tyrus.core.TyrusSession;
import org.junit.jupiter.api.Test;

class IdleTimerExecutorTest {

    @Test
    void theContainerTakesThePlainScheduler() {
        BaseContainer container = new BaseContainer() { }; // a subclass, as Tyrus's server container is
        ScheduledExecutorService managed = container.getScheduledExecutorService();
        IdleTimerExecutor plain = new IdleTimerExecutor();
        try {
            assertThat(IdleTimerExecutor.install(container, plain)).isTrue();
            assertThat(container.getScheduledExecutorService()).isSameAs(plain);
        } finally {
            plain.shutdownNow();
            managed.shutdownNow();
        }
    }

    @Test
    void somethingElseIsLeftAsItIs() {
        IdleTimerExecutor plain = new IdleTimerExecutor();
        try {
            assertThat(IdleTimerExecutor.install(new Object(), plain)).isFalse();
        } finally {
            plain.shutdownNow();
        }
    }

    @Test
    void tyrusIdleTimeoutsNeverRunAndOtherTasksDo() throws InterruptedException {
        IdleTimerExecutor plain = new IdleTimerExecutor();
        try {
            AtomicBoolean idleRan = new AtomicBoolean();
            var idle = plain.schedule(new TyrusSession.IdleTimeoutCommand(() -> idleRan.set(true)), 0, TimeUnit.MILLISECONDS);
            CountDownLatch other = new CountDownLatch(1);
            plain.schedule(other::countDown, 10, TimeUnit.MILLISECONDS);

            assertThat(other.await(5, TimeUnit.SECONDS)).as("a heartbeat or any other task still runs").isTrue();
            assertThat(idle.cancel(true)).isFalse();
            assertThat(idle.isDone()).isFalse();
            assertThat(plain.getQueue()).as("nothing queued per frame").isEmpty();
            assertThat(idleRan).isFalse();
        } finally {
            plain.shutdownNow();
        }
    }
}
