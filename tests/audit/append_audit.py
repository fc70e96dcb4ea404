# Appends N audit entries to a LoyaltyTill store, chained as the README describes the audit chain: an implementation
# of the format independent of core/store/AuditChain. If `loyaltytill-admin check` passes afterwards, both agree.
#   python3 append_audit.py STORE.sqlite N
import hashlib, sqlite3, struct, sys, datetime
path, n = sys.argv[1], int(sys.argv[2])
TAG = b"LoyaltyTill audit chain v1"
def field(sha, b): sha.update(struct.pack(">I", len(b))); sha.update(b)
def hash_of(id_, at, actor, action, subject, details, prev):
    sha = hashlib.sha256()
    for b in (TAG, str(id_).encode(), at, actor, action, subject, details, prev): field(sha, b)
    return sha.hexdigest().encode()
db = sqlite3.connect(path, isolation_level=None)
db.text_factory = bytes
db.execute("BEGIN IMMEDIATE")
store_id, head_id, head_hash, entries = db.execute("SELECT store_id, head_id, head_hash, entries FROM audit_chain").fetchone()
prev = head_hash or store_id
mx = db.execute("SELECT COALESCE(max(id), 0) FROM audit_log").fetchone()[0]
id_ = max(mx, head_id)
t0 = datetime.datetime(2025, 1, 1)
for i in range(n):
    id_ += 1
    at = (t0 + datetime.timedelta(seconds=i)).strftime("%Y-%m-%dT%H:%M:%S.000Z").encode()
    row = (at, b"cashier-1", b"member.enroll", b"member:%d" % i, b'{"card":false,"consent":true}')
    h = hash_of(id_, *row, prev)
    db.execute("INSERT INTO audit_log (id, at, actor, action, subject, details, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?)",
               (id_, *[x.decode() for x in row], prev.decode(), h.decode()))
    db.execute("UPDATE audit_chain SET entries = entries + 1, head_id = ?, head_at = ?, head_action = ?, head_hash = ?, "
               "first_id = COALESCE(first_id, ?) WHERE id = 1", (id_, row[0].decode(), row[2].decode(), h.decode(), id_))
    prev = h
db.execute("COMMIT")
print("appended", n, "entries; head", prev.decode())
