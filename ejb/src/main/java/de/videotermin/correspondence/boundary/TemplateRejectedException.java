package de.videotermin.correspondence.boundary;

import de.videotermin.correspondence.control.TemplateCheck;
import jakarta.ejb.ApplicationException;
import java.util.List;

/** An admin's template was not saved: unknown placeholders, a missing personal link, empty parts. */
@ApplicationException(rollback = true)
public class TemplateRejectedException extends RuntimeException {
    private final transient List<TemplateCheck.Problem> problems;

    public TemplateRejectedException(List<TemplateCheck.Problem> problems) {
        super(problems.size() + " problem(s) in the template");
        this.problems = List.copyOf(problems);
    }

    public List<TemplateCheck.Problem> problems() {
        return problems;
    }
}
