"""Listens on TCP ports inside namespaces of the job (as each container's image would), accepts and
closes; prints "ready" once every socket is bound. argv[1]: JSON {"namespace": [port, ...]}."""
import json, os, socket, sys, threading
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import netns

def serve(ns, ports, bound):
    netns.enter(ns)
    socks = []
    for p in ports:
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind(("0.0.0.0", p))
        s.listen(64)
        socks.append(s)
    bound.release()
    for s in socks[1:]:
        threading.Thread(target=loop, args=(s,), daemon=True).start()
    loop(socks[0])

def loop(s):
    while True:
        c, _ = s.accept()
        c.close()

want = json.loads(sys.argv[1])
bound = threading.Semaphore(0)
for ns, ports in want.items():
    threading.Thread(target=serve, args=(ns, ports, bound), daemon=True).start()
for _ in want: bound.acquire()
print("ready", flush=True)
threading.Event().wait()
