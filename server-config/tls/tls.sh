#!/usr/bin/env bash
# TLS for Videotermin with Debian's nginx as a reverse proxy (HTTP and WebSocket).
#
#   server-config/tls/tls.sh start [CERT KEY]   # without CERT/KEY: a self-signed certificate for trials
#   server-config/tls/tls.sh stop
#
# Production: pass the agency's certificate and key, set VIDEOTERMIN_TLS_BIND to the public
# address, VIDEOTERMIN_HOSTNAME to the public name, and the application's videotermin.base-url to
# https://<name>:<port>. Payara must see the original scheme for Secure cookies and wss:// URLs:
# the proxy sends X-Forwarded-Proto, and Payara's http-listener-1 needs
#   asadmin set configs.config.server-config.network-config.protocols.protocol.http-listener-1.http.scheme-mapping=X-Forwarded-Proto
# (done below while the domain runs).
set -euo pipefail
cd "$(dirname "$0")/../.."
STATE="${VIDEOTERMIN_HOME:-$PWD/.videotermin/demo}/tls"
TLS_PORT="${VIDEOTERMIN_TLS_PORT:-9443}"   # 8443 is Payara's own https listener
BIND="${VIDEOTERMIN_TLS_BIND:-127.0.0.1}"
HTTP_PORT="${VIDEOTERMIN_HTTP_PORT:-8080}"
HOSTNAME_="${VIDEOTERMIN_HOSTNAME:-localhost}"
ADMIN_PORT="${VIDEOTERMIN_ADMIN_PORT:-4848}"
ASADMIN="${VIDEOTERMIN_HOME:-$PWD/.videotermin/demo}/payara6/bin/asadmin"

case "${1:-start}" in
  start)
    command -v nginx >/dev/null || { echo "nginx is missing: apt-get install nginx-light" >&2; exit 1; }
    mkdir -p "$STATE/nginx-tmp"
    CERT="${2:-$STATE/self-signed.crt}"
    KEY="${3:-$STATE/self-signed.key}"
    if [[ ! -f "$CERT" ]]; then
      openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=$HOSTNAME_" \
        -addext "subjectAltName=DNS:$HOSTNAME_,IP:127.0.0.1" -keyout "$KEY" -out "$CERT" 2>/dev/null
      chmod 600 "$KEY"
      echo "Made a self-signed certificate for $HOSTNAME_ (trials only): $CERT"
    fi
    sed -e "s#@@STATE@@#$STATE#g" -e "s#@@BIND@@#$BIND#g" -e "s#@@TLS_PORT@@#$TLS_PORT#g" \
        -e "s#@@HTTP_PORT@@#$HTTP_PORT#g" -e "s#@@HOSTNAME@@#$HOSTNAME_#g" -e "s#@@CERT@@#$CERT#g" -e "s#@@KEY@@#$KEY#g" \
        server-config/tls/nginx.conf.template > "$STATE/nginx.conf"
    nginx -t -q -c "$STATE/nginx.conf" -e "$STATE/nginx-error.log" || { tail -n 3 "$STATE/nginx-error.log" >&2; exit 1; }
    nginx -c "$STATE/nginx.conf" -e "$STATE/nginx-error.log"
    if [[ -x "$ASADMIN" ]]; then
      "$ASADMIN" --port "$ADMIN_PORT" set \
        configs.config.server-config.network-config.protocols.protocol.http-listener-1.http.scheme-mapping=X-Forwarded-Proto >/dev/null
    fi
    echo "TLS on https://$HOSTNAME_:$TLS_PORT/ -> http://127.0.0.1:$HTTP_PORT/ (WebSocket included)"
    ;;
  stop)
    [[ -f "$STATE/nginx.pid" ]] && kill "$(cat "$STATE/nginx.pid")" 2>/dev/null || true
    echo "TLS proxy stopped"
    ;;
  *) echo "usage: $0 start [CERT KEY] | stop" >&2; exit 2 ;;
esac
