"""Runs every probe of one topology at once from one process, each thread inside its source namespace.
argv[1]: JSON list of {"ns", "kind": "icmp"|"tcp", "dst", "port"}; prints a JSON list of verdicts.
Each probe is bounded: one echo request waited for 1 s, one connect(2) waited for 1.5 s."""
import errno, json, os, select, socket, struct, sys, threading, time
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import netns

TCP_TIMEOUT_S = 1.5
ICMP_TIMEOUT_S = 1.0

def tcp(dst, port):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.settimeout(TCP_TIMEOUT_S)
    try:
        s.connect((dst, port))
        return "open"
    except ConnectionRefusedError:
        return "refused"
    except socket.timeout:
        return "timeout"
    except OSError as e:
        if e.errno in (errno.EHOSTUNREACH, errno.ENETUNREACH):
            return "unreachable"
        return "timeout"
    finally:
        s.close()

def checksum(b):
    if len(b) % 2: b += b"\0"
    s = sum(struct.unpack(f"!{len(b)//2}H", b))
    s = (s >> 16) + (s & 0xFFFF); s += s >> 16
    return ~s & 0xFFFF

def icmp(dst, ident):
    s = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP)
    try:
        body = struct.pack("!HH", ident, 1) + b"whalewire-referee"
        hdr = struct.pack("!BBH", 8, 0, 0)
        pkt = struct.pack("!BBH", 8, 0, checksum(hdr + body)) + body
        try:
            s.sendto(pkt, (dst, 0))
        except OSError:
            return "fail"
        end = time.monotonic() + ICMP_TIMEOUT_S
        while (left := end - time.monotonic()) > 0:
            r, _, _ = select.select([s], [], [], left)
            if not r: break
            data, addr = s.recvfrom(2048)
            ihl = (data[0] & 0x0F) * 4
            typ, _, _, rid = struct.unpack("!BBHH", data[ihl:ihl + 6])
            if typ == 0 and rid == ident and addr[0] == dst:
                return "ok"
        return "fail"
    finally:
        s.close()

def main():
    probes = json.loads(sys.argv[1])
    out = [None] * len(probes)
    def run(i, p):
        try:
            netns.enter(p["ns"])
            out[i] = icmp(p["dst"], (os.getpid() + i) & 0xFFFF) if p["kind"] == "icmp" else tcp(p["dst"], p["port"])
        except Exception as e:
            out[i] = f"error: {e}"
    threads = [threading.Thread(target=run, args=(i, p)) for i, p in enumerate(probes)]
    for t in threads: t.start()
    for t in threads: t.join()
    print(json.dumps(out))

main()
