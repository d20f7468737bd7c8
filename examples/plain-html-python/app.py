"""A Python backend for verify-widget, standard library only (Python 3.9+).

It does the three things a backend in any language does with `verify-widget serve`:
  1. vouches for its signed-in user with a short-lived identity token (an HS256 JWT),
  2. receives the outcomes as Standard Webhooks and checks their signature,
  3. opens its members page only on an outcome it received itself, never on the browser's word.

    python3 app.py        (settings from the environment: see README.md)
"""

import base64
import hashlib
import hmac
import json
import os
import secrets
import sqlite3
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent


def setting(name, default=None):
    value = os.environ.get(name, default)
    if value is None or value == "":
        raise SystemExit(f"Set {name}: see README.md.")
    return value


PORT = int(setting("PORT", "8000"))
# Where the page reaches verify-widget serve, e.g. https://verify.shop.example (another origin: the
# service lists this app's origin in VERIFY_CORS_ORIGINS).
SERVICE_URL = setting("VERIFY_SERVICE_URL").rstrip("/")
TOKEN_SECRET = setting("VERIFY_TOKEN_SECRET").encode()
TOKEN_AUDIENCE = setting("VERIFY_TOKEN_AUDIENCE", "verify-widget")
TOKEN_LIFETIME = 120  # seconds; the service refuses more than its VERIFY_TOKEN_MAX_AGE (300 by default)
WEBHOOK_SECRETS = [s for s in setting("VERIFY_WEBHOOK_SECRET").replace(",", " ").split() if s]
# Flow hosts the page may open besides the providers' own (the sandbox's, in development).
ALLOWED_HOSTS = os.environ.get("VERIFY_ALLOWED_HOSTS", "")
# Signs this app's own session cookie (your framework has its own sign-in; this stands in for it).
COOKIE_SECRET = os.environ.get("APP_COOKIE_SECRET", "").encode() or secrets.token_bytes(32)
DATABASE = os.environ.get("APP_DATABASE", str(HERE / ".data" / "app.sqlite3"))
# verify-widget's files for the page: node_modules/verify-widget/dist (npm install verify-widget).
WIDGET_DIST = Path(os.environ.get("VERIFY_WIDGET_DIST", HERE / "node_modules" / "verify-widget" / "dist")).resolve()
WEBHOOK_TOLERANCE = 5 * 60  # seconds either side of now, as the Standard Webhooks spec advises


# --- 1. Identity tokens: HS256 JWT with sub, aud, iat, exp -------------------------------------


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def identity_token(user_id):
    """A token the service accepts as `Authorization: Bearer <token>` for this user, for TOKEN_LIFETIME seconds."""
    now = int(time.time())
    header = b64url(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")).encode())
    claims = {"sub": user_id, "aud": TOKEN_AUDIENCE, "iat": now, "exp": now + TOKEN_LIFETIME}
    payload = b64url(json.dumps(claims, separators=(",", ":")).encode())
    signature = hmac.new(TOKEN_SECRET, f"{header}.{payload}".encode(), hashlib.sha256).digest()
    return f"{header}.{payload}.{b64url(signature)}", now + TOKEN_LIFETIME


# --- 2. Outcomes: Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature) -----------


class InvalidWebhook(Exception):
    pass


def webhook_keys():
    keys = []
    for secret in WEBHOOK_SECRETS:
        if not secret.startswith("whsec_"):
            raise SystemExit("VERIFY_WEBHOOK_SECRET must be the service's whsec_... secret.")
        keys.append(base64.b64decode(secret[len("whsec_"):]))
    return keys


KEYS = webhook_keys()


def verify_webhook(body, headers):
    """The payload of a genuine delivery; InvalidWebhook for anything else (forged, altered, stale)."""
    msg_id = headers.get("webhook-id")
    timestamp = headers.get("webhook-timestamp")
    signatures = headers.get("webhook-signature")
    if not (msg_id and timestamp and signatures):
        raise InvalidWebhook("missing webhook headers")
    try:
        sent = int(timestamp)
    except ValueError:
        raise InvalidWebhook("bad webhook-timestamp") from None
    # An old delivery replayed, or one from the future: refused whatever its signature.
    if abs(time.time() - sent) > WEBHOOK_TOLERANCE:
        raise InvalidWebhook("webhook-timestamp outside the tolerance")
    signed = f"{msg_id}.{timestamp}.".encode() + body
    expected = [hmac.new(key, signed, hashlib.sha256).digest() for key in KEYS]
    # Several signatures while a secret rotates: any one made with any of our keys will do.
    for versioned in signatures.split(" "):
        version, _, value = versioned.partition(",")
        if version != "v1":
            continue
        try:
            given = base64.b64decode(value, validate=True)
        except ValueError:
            continue
        if any(hmac.compare_digest(given, e) for e in expected):
            return msg_id, json.loads(body)
    raise InvalidWebhook("no valid signature")


# --- 3. What the app remembers: outcomes by webhook-id (deliveries come at least once) ----------

Path(DATABASE).parent.mkdir(parents=True, exist_ok=True)
db = sqlite3.connect(DATABASE, check_same_thread=False)
db_lock = threading.Lock()
db.execute(
    "CREATE TABLE IF NOT EXISTS outcomes (webhook_id TEXT PRIMARY KEY, user_id TEXT NOT NULL,"
    " session_id TEXT NOT NULL, status TEXT NOT NULL, received_at INTEGER NOT NULL)"
)
db.commit()


def record_outcome(webhook_id, payload):
    change = payload["data"]
    with db_lock:
        db.execute(
            "INSERT OR IGNORE INTO outcomes VALUES (?, ?, ?, ?, ?)",
            (webhook_id, change["userId"], change["session"]["sessionId"], change["status"], int(time.time())),
        )
        db.commit()


def is_verified(user_id):
    with db_lock:
        row = db.execute("SELECT 1 FROM outcomes WHERE user_id = ? AND status = 'verified' LIMIT 1", (user_id,)).fetchone()
    return row is not None


# --- The app's own sign-in (a stand-in: each browser becomes a user) ----------------------------


def sign_cookie(user_id):
    mac = hmac.new(COOKIE_SECRET, user_id.encode(), hashlib.sha256).hexdigest()
    return f"{user_id}.{mac}"


def user_from_cookie(header):
    for part in (header or "").split(";"):
        name, _, value = part.strip().partition("=")
        if name == "app_session":
            user_id, _, mac = value.rpartition(".")
            good = hmac.new(COOKIE_SECRET, user_id.encode(), hashlib.sha256).hexdigest()
            if user_id and hmac.compare_digest(mac, good):
                return user_id
    return None


# --- HTTP --------------------------------------------------------------------------------------

SERVICE_ORIGIN = "{0.scheme}://{0.netloc}".format(urlsplit(SERVICE_URL))
FLOW_ORIGINS = " ".join(f"http://{h.strip()}" for h in ALLOWED_HOSTS.split(",") if h.strip())
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    f"connect-src 'self' {SERVICE_ORIGIN}; frame-src {FLOW_ORIGINS} https://*.facesign.ai; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
CAMERA = " ".join(f'"{o}"' for o in FLOW_ORIGINS.split()) + ' "https://verify.facesign.ai"'
PAGE = (HERE / "index.html").read_text(encoding="utf-8")
TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8", ".map": "application/json"}


class App(BaseHTTPRequestHandler):
    server_version = "plain-html-python"

    def send(self, status, body=b"", content_type="application/json", headers=None):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def send_json(self, status, value, headers=None):
        self.send(status, json.dumps(value).encode(), headers={"Cache-Control": "no-store", **(headers or {})})

    def error(self, status, code, message):
        self.send_json(status, {"error": {"code": code, "message": message}})

    def do_GET(self):
        path = urlsplit(self.path).path
        user = user_from_cookie(self.headers.get("Cookie"))
        if path == "/":
            headers = {"Content-Security-Policy": CSP, "Cache-Control": "no-store",
                       "Permissions-Policy": f"camera=(self {CAMERA}), microphone=(self {CAMERA})"}
            if not user:
                user = "user_" + secrets.token_hex(8)
                headers["Set-Cookie"] = f"app_session={sign_cookie(user)}; Path=/; HttpOnly; SameSite=Lax"
            page = PAGE.replace("{{endpoint}}", f"{SERVICE_URL}/api/verify").replace("{{allowed_hosts}}", ALLOWED_HOSTS)
            return self.send(200, page.encode(), "text/html; charset=utf-8", headers)
        if path == "/verify-token":
            if not user:
                return self.error(401, "signed_out", "Sign in first.")
            token, expires = identity_token(user)
            return self.send_json(200, {"token": token, "expiresAt": expires})
        if path == "/api/members":
            if not user:
                return self.error(401, "signed_out", "Sign in first.")
            if not is_verified(user):
                return self.error(403, "not_verified", "Verify first.")
            return self.send_json(200, {"message": "Welcome, verified member."})
        if path == "/page.js":
            return self.send(200, (HERE / "page.js").read_bytes(), TYPES[".js"], {"Cache-Control": "no-cache"})
        if path.startswith("/verify-widget/"):
            return self.static(path[len("/verify-widget/"):])
        if path == "/health":
            return self.send_json(200, {"ok": True})
        self.error(404, "not_found", "No such page.")

    do_HEAD = do_GET

    def static(self, name):
        """verify-widget's element and the chunks it loads on intent, from the installed package."""
        file = (WIDGET_DIST / name).resolve()
        if WIDGET_DIST not in file.parents or file.suffix not in TYPES or not file.is_file():
            return self.error(404, "not_found", "No such file.")
        self.send(200, file.read_bytes(), TYPES[file.suffix], {"Cache-Control": "no-cache"})

    def do_POST(self):
        if urlsplit(self.path).path != "/webhooks/verify":
            return self.error(404, "not_found", "No such route.")
        length = int(self.headers.get("Content-Length") or 0)
        if length > 64 * 1024:
            return self.error(413, "too_large", "Body too large.")
        body = self.rfile.read(length)
        headers = {k.lower(): v for k, v in self.headers.items()}
        try:
            webhook_id, payload = verify_webhook(body, headers)
            # Recorded before the 2xx: an answer lost on the way brings the same webhook-id again.
            record_outcome(webhook_id, payload)
        except (InvalidWebhook, ValueError, KeyError, TypeError) as error:
            return self.error(400, "invalid_webhook", str(error))
        self.send(204)

    def log_message(self, format, *args):
        pass


if __name__ == "__main__":
    server = ThreadingHTTPServer(("127.0.0.1", PORT), App)
    print(f"Python app on http://localhost:{PORT} (verify-widget serve at {SERVICE_URL})", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
