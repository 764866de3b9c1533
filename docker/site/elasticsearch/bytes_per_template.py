"""Bytes per template in Elasticsearch before and after a force merge, with FaceGate's mapping.

Sizing probe for docs/scale-out.md section 5 (figures in docs/benchmarks.md, "Sizing a site"):
creates the index INDEX with ejb/src/main/resources/dev/facegate/index/face-index.json (0 replicas,
128 dimensions, int8_hnsw), bulk-loads N random unit vectors with template_id, person_id and model
as the application writes them, refreshes, prints the primary store, force-merges to one segment
and prints it again. Deletes INDEX first if it exists: point it at a test node, never at a site.

  python3 bytes_per_template.py http://127.0.0.1:9200 100000 facegate-faces-bytes-100k \
      ejb/src/main/resources/dev/facegate/index/face-index.json
"""
import json, math, random, sys, time, urllib.request

es, n, name = sys.argv[1], int(sys.argv[2]), sys.argv[3]
mapping = open(sys.argv[4]).read().replace("${replicas}", "0").replace("${dims}", "128").replace("${index_type}", "int8_hnsw")

def call(method, path, body=None, ctype="application/json"):
    req = urllib.request.Request(es + path, data=body.encode() if body else None, method=method, headers={"Content-Type": ctype})
    with urllib.request.urlopen(req, timeout=3600) as r:
        return json.loads(r.read() or b"{}")

def store():
    s = call("GET", f"/{name}/_stats/store,segments,docs")["_all"]["primaries"]
    return s["store"]["size_in_bytes"], s["segments"]["count"], s["docs"]["count"]

try:
    call("DELETE", f"/{name}")
except Exception:
    pass
call("PUT", f"/{name}", mapping)
rnd = random.Random(17)
t0 = time.time()
for start in range(0, n, 1000):
    lines = []
    for i in range(start, min(n, start + 1000)):
        v = [rnd.gauss(0, 1) for _ in range(128)]
        norm = math.sqrt(sum(x * x for x in v))
        lines.append(json.dumps({"index": {"_id": f"t{i}"}}))
        lines.append(json.dumps({"template_id": f"t{i}", "person_id": f"p{i // 3}", "model": "bench@1", "vector": [round(x / norm, 6) for x in v]}))
    r = call("POST", f"/{name}/_bulk", "\n".join(lines) + "\n", "application/x-ndjson")
    assert not r.get("errors"), r
call("POST", f"/{name}/_refresh")
t1 = time.time()
b, segs, docs = store()
print(f"{n} templates indexed in {t1 - t0:.0f} s; after refresh: {b} B primary store, {segs} segments, {docs} docs, {b / n:.0f} B/template", flush=True)
call("POST", f"/{name}/_forcemerge?max_num_segments=1")
b, segs, docs = store()
print(f"after force merge to 1 segment ({time.time() - t1:.0f} s): {b} B primary store, {segs} segments, {docs} docs, {b / n:.0f} B/template", flush=True)
