/**
 * English and Korean texts for every trace-step explanation key (issue 3). Plain data, no i18next:
 * the headless runner and tests read it too. Owned by the packet-engine work.
 */
import { resolveParticles } from './josa';
import { lowerTrace } from './traceLower';

export type Lang = 'en' | 'ko';

const en: Record<string, string> = {
  'wire.transmit': 'The frame leaves {node} through {dev}.',
  'wire.receive': 'The frame arrives at {node} on {dev}.',
  'vxlan.arp-proxy':
    'vxlan0 answers the ARP itself (proxy): swarm gossip told this node that {ip} is {mac} on {host}, so no ARP crosses the LAN.',
  'vxlan.encap':
    '{bridge} sends the frame for {mac} to vxlan0, which wraps it whole in UDP {src} → {vtep}:{dport} with VXLAN VNI {vni}: a packet inside a packet, addressed to {host}.',
  'vxlan.decap':
    '{host} receives UDP {dport} from {from}, checks VNI {vni} and unwraps the inner frame; its br0 of the overlay hands it on.',
  'bridge.learn': 'The bridge learns that {mac} is behind port {port} (FDB entry).',
  'bridge.flood':
    'Broadcast (destination MAC ff:ff:ff:ff:ff:ff): bridge {bridge} floods the frame out of every port but the one it came in on.',
  'bridge.forward': 'Bridge {bridge} knows {mac} from its FDB and forwards the frame only to port {port}.',
  'bridge.forward-known':
    'Bridge {bridge} already learned {mac} on port {port} from an earlier frame (FDB entry), so it forwards the frame only to that port instead of flooding it.',
  'bridge.up': 'The frame is addressed to bridge {bridge} itself: it goes up to the host’s IP stack.',
  'bridge.flood-unknown': 'Bridge {bridge} has no FDB entry for {mac} yet, so it floods the frame.',
  'switch.flood':
    'Broadcast (destination MAC ff:ff:ff:ff:ff:ff): the LAN switch sends the frame to every other machine on the LAN.',
  'switch.forward': 'The LAN switch forwards the frame to the port of the destination MAC.',
  'arp.request': 'ARP request: a broadcast asking for the MAC address of {ip} (asked by {asker}).',
  'arp.reply':
    'ARP reply: {ip} is at {mac}, sent straight back to {asker}. The answering machine also notes {asker}’s MAC from the request, as STALE: nothing has confirmed it yet. Its first packet back uses the entry at once and puts it in DELAY; about 5 s later it is confirmed (by the connection’s progress, or a unicast ARP probe) and reads REACHABLE.',
  'arp.learn': 'The neighbour cache now holds {ip} → {mac} (REACHABLE); later packets skip ARP.',
  'arp.hit': '{node} already knows {ip} is at {mac} (ARP cache), so no broadcast: the frame goes straight to that MAC.',
  'drop.arp-unanswered': 'Nobody answers the ARP request for {ip}: the host is unreachable.',
  'ndp.solicit':
    'IPv6 has no ARP: {asker} sends a neighbour solicitation (ICMPv6) asking who has {ip}, to {ip}’s solicited-node multicast group {group}, not to everyone.',
  'ndp.advert':
    'Neighbour advertisement: {ip} is at {mac}, sent straight back to {asker}. The answering machine also notes {asker}’s MAC from the solicitation, as STALE, as with ARP.',
  'ndp.learn':
    'The IPv6 neighbour cache now holds {ip} → {mac} (REACHABLE, `ip -6 neigh`); later packets skip the solicitation.',
  'ndp.hit':
    '{node} already knows {ip} is at {mac} (IPv6 neighbour cache), so no solicitation: the frame goes straight to that MAC.',
  'drop.ndp-unanswered': 'Nobody answers the neighbour solicitation for {ip}: the address is unreachable.',
  'ndp.unsolicited':
    '{node}’s IPv6 neighbour cache already has {ip} at {mac}: when the new holder of {ip} came up, Docker sent unsolicited neighbour advertisements and Linux updated the entry it had (STALE). No solicitation: the frame goes straight to {mac}.',
  'bridge.flood-multicast':
    'Multicast to {mac}: bridge {bridge} has no group membership for it, so it floods the frame out of every port but the one it came in on; only the holder of the asked address listens to that group.',
  'switch.flood-multicast': 'Multicast to {mac}: the LAN switch sends the frame to every other machine on the LAN.',
  'dns.embedded-query6':
    'The resolver in /etc/resolv.conf is Docker’s embedded DNS at 127.0.0.11: an AAAA question, “what is {name}’s IPv6 address?”',
  'drop.no-aaaa':
    'Docker’s embedded DNS has no IPv6 address for {name} (no AAAA record): nothing can be sent to it over IPv6.',
  'drop.neigh-gone':
    '{node} still lists {ip} at {mac} ({state}), so it does not ask: the frame goes to that MAC. Nobody on the link has it any more, so no one takes the frame and the packet is lost. Linux asks again only once the entry has gone stale and its probes get no answer.',
  'arp.unsolicited':
    '{node}’s ARP cache already has {ip} at {mac}: when the new holder of {ip} came up, Docker sent unsolicited ARPs and Linux updated the entry it had (STALE). No request: the frame goes straight to {mac}.',
  'ip.send': '{node} sends {packet}.',
  'ip.reply': '{node} answers: {packet}.',
  'ip.loopback':
    'The destination {dst} is this machine itself: the packet goes through the loopback, no ARP, no bridge.',
  'ip.deliver': 'The kernel of {node} accepts the packet ({packet}): it is addressed to {node} itself.',
  'ip.route': '{node} routes the packet to {dst} directly on {dev}; TTL is now {ttl}.',
  'ip.route-via': '{node} routes the packet to {dst} via the gateway {via} on {dev}; TTL is now {ttl}.',
  'nat.dnat':
    'The DNAT rule that -p put in {node}’s DOCKER chain rewrites the destination {from} → {to}: that is how a request to the host’s port reaches the container.',
  'nat.portfwd':
    'The router’s port-forward rule rewrites the destination {from} → {to}: that is how a request to the public address reaches a machine on the LAN.',
  'nat.ct-dnat': '{node} finds the connection in conntrack and rewrites this packet’s destination too: {from} → {to}.',
  'nat.ct-snat': '{node} finds the connection in conntrack and masquerades this packet too: source {src} → {newSrc}.',
  'nat.snat':
    '{node} masquerades: the source {from} becomes {to} as the packet leaves {dev}, because nobody out there could answer {from}; conntrack remembers the swap to undo it on the reply.',
  'nat.un-nat':
    '{node} finds the connection in conntrack and undoes the NAT: source {sfrom} → {sto}, destination {from} → {to}.',
  'nat.un-dnat':
    '{node} finds the connection in conntrack and undoes the DNAT on the reply: the source {sfrom} becomes {sto} again, so the client sees the answer come from the address it asked.',
  'nat.un-snat':
    '{node} finds the masqueraded connection in conntrack and undoes it: the destination {from} becomes {to} again, the machine that really asked.',
  'nat.ingress-dnat':
    'The routing mesh: DOCKER-INGRESS (nat PREROUTING, -m addrtype --dst-type LOCAL) on {node} rewrites the destination {from} → {to}, the ingress sandbox’s address on docker_gwbridge; the published port is kept. Every swarm node has this rule, whether a task runs there or not.',
  'ipvs.mark':
    'mangle {chain} `{match} -j MARK --set-mark {mark}` in {node} marks the packet for service {service}: IPVS takes packets by this firewall mark.',
  'ipvs.schedule':
    'IPVS in {node} (FWM {mark}, round robin) picks real server {n} of {count}: {task} on {host}. The destination becomes {from} → {to}.',
  'ipvs.snat':
    '{node} applies nat POSTROUTING `-m ipvs --ipvs -j SNAT`: the source {from} becomes the sandbox’s own address {to}, so the task sees {to} as the client and answers through this sandbox.',
  'ipvs.redirect':
    'nat PREROUTING REDIRECT in {node}: the published port becomes the target port, {from} → {to}; the app listens there.',
  'drop.no-backend': 'IPVS in {node} has no running task of service {service} to send {dst} to: the packet is dropped.',
  'nat.related':
    '{node} finds the flow this ICMP {type} is about (conntrack: RELATED, by the packet it quotes) and undoes that flow’s NAT on it: the destination {from} becomes {to}, the machine that really sent the packet.',
  'ip.host-unreachable':
    '{node} got no ARP answer for the next hop, so it sends ICMP “Destination Host Unreachable” back to {dst}, from its own address {from}: ping prints “From {from} icmp_seq={seq} Destination Host Unreachable”.',
  'tcp.ack':
    '{node} ends the three-way handshake with a bare ACK to {dst} (no data): it crosses the same hops, and any NAT, as the SYN did. The request follows it at once.',
  'tcp.close':
    '{node} has its answer and closes the connection to {dst}: its FIN, the server’s FIN back, its last ACK. {node} closed first, so its side waits in TIME_WAIT, and conntrack keeps the flow as TIME_WAIT for 120 s.',
  'nat.no-masquerade':
    '{node} forwards the packet out of {dev} with its container source {src} unchanged: network {network} ({subnet}) has no MASQUERADE rule ({option}). Nobody outside has a route back to {subnet}, so no answer can come back.',
  'ct.new': '{node} records a new connection in its conntrack table.',
  'ct.hit': '{node} finds this packet’s connection in conntrack ({state}) and lets it through.',
  'ct.bridged':
    'This host has br_netfilter on (bridge-nf-call-iptables = 1), so a frame bridged on {bridge} passes iptables and conntrack records the flow. Docker 28 turns it on only for a network with icc=false or without the userland proxy (moby#48492); on a host where nothing else loaded br_netfilter, bridged frames skip iptables.',
  'dns.hosts': '/etc/hosts answers: {name} is {ip}.',
  'dns.embedded-query':
    'The resolver in /etc/resolv.conf is Docker’s embedded DNS at 127.0.0.11: “what is {name}?” A DOCKER_OUTPUT rule in the container hands port 53 to dockerd on port {port}.',
  'dns.embedded-answer': 'Docker’s embedded DNS answers: {name} is {ip}.',
  'dns.embedded-nodata':
    'Docker’s embedded DNS knows {name} by its IPv6 address only ({ip}): NOERROR with no A record, nothing forwarded.',
  'dns.embedded-forward':
    'No running container on this network answers to {name}: Docker’s DNS forwards the question to the host’s resolver {server}, sending it from the container’s own network namespace.',
  'dns.internal-servfail':
    'On an internal network the container’s namespace has no route out, so Docker’s DNS cannot forward {name} and answers SERVFAIL.',
  'dns.server-query': 'The DNS server on {node} receives the question for {name}.',
  'dns.answer': '{node} answers: {name} is {ip}.',
  'dns.nxdomain': '{node} answers NXDOMAIN: {name} does not exist.',
  'dns.nxdomain-client': 'The answer is NXDOMAIN: {name} does not exist.',
  'app.docker-proxy': 'docker-proxy listens on port {port} and opens its own connection to {to} ({container}).',
  'app.http-relay':
    'docker-proxy on {node} relays the answer it got from {container} (status {status}) to the client on port {port}: it wrote none of it.',
  'app.http': 'The web server in {node} answers the HTTP request on port {port} with status {status}.',
  'app.desktop-forward':
    'Docker Desktop’s com.docker.backend on {node} accepts port {port} and forwards the connection into the VM {vm} over shared memory: {node} itself has no route to {to}.',
  'app.desktop-vm': 'Inside the VM {node} the forwarded connection for port {port} goes on to {to} ({container}).',
  'app.http-relay-desktop':
    'com.docker.backend on {node} relays the answer {container} sent from inside the VM (status {status}) to the client on port {port}.',
  'app.paused':
    'The request reaches {node}, but container {container} is paused (docker pause): the freezer cgroup stops its processes, not its kernel, so the handshake was answered and the request waits unread on port {port}. Nothing answers; the client waits until it gives up.',
  'app.port-unreachable': 'Nothing listens on UDP port {port} on {node}: it answers with ICMP port unreachable.',
  'app.refused':
    'Nothing listens on TCP port {port} on {node}: it answers with a reset (RST), the connection is refused.',
  'app.refused-router':
    '{node} has no port-forward rule for TCP port {port} and nothing on it listens there: it answers with a reset (RST), the connection is refused.',
  'drop.no-route': '{node} has no route to {dst}: the packet is dropped.',
  'matrix.unreachable': '{node} has no route to {dst}: the packet is never sent (Network is unreachable).',
  'matrix.outcome': 'No answer: {summary}.',
  'challenge.missing': 'There is no running container or machine named {name}: start it (or name it) first.',
  'challenge.otherServer': 'An answer came, but not from {name}: the request reached another app.',
  'challenge.noBody': 'An answer came, but the page does not contain “{text}”.',
  'challenge.arrived': 'The packet from {from} to {to} still arrives: the goal asks that it does not.',
  'challenge.reached': '{from} still reaches {target}: the goal asks that nothing gets through.',
  'drop.no-route-private':
    '{node} has no route to {dst}: private addresses (10/8, 172.16/12, 192.168/16) are not routed on the internet, so the packet is dropped.',
  'drop.isolated':
    'Dropped in DOCKER-ISOLATION-STAGE-2 (FORWARD → DOCKER-FORWARD → DOCKER-ISOLATION-STAGE-1 → STAGE-2): {node} does not forward between two different Docker networks.',
  'drop.icc':
    'Dropped by DOCKER-FORWARD’s `-i {bridge} -o {bridge} -j DROP`: the network was created with enable_icc=false, so containers on it may not talk to each other, and Docker turned on bridge-nf-call-iptables so that bridged frames pass iptables.',
  'drop.isolated6':
    'Dropped in ip6tables’ DOCKER-ISOLATION-STAGE-2 (FORWARD → DOCKER-FORWARD → DOCKER-ISOLATION-STAGE-1 → STAGE-2): Docker isolates IPv6 networks with the same chains as IPv4, so {node} does not forward between two different Docker networks.',
  'drop.icc6':
    'Dropped by ip6tables’ DOCKER-FORWARD `-i {bridge} -o {bridge} -j DROP`: the network was created with enable_icc=false, so containers on it may not talk to each other over IPv6 either (bridge-nf-call-ip6tables passes bridged IPv6 frames through ip6tables).',
  'drop.internal': 'Dropped: an --internal network has no way in or out.',
  'drop.not-published':
    'Dropped by the DOCKER chain (`! -i br -o br -j DROP`): nothing published a port to {dst} on this protocol and port, so traffic from outside may not enter the bridge.',
  'drop.ttl-exceeded': 'TTL reached zero at {node}: the packet is dropped.',
  'ip.time-exceeded': '{node} answers with ICMP time exceeded from {ip}: traceroute prints {ip} as hop {hop}.',
  'drop.host-unreachable': '{node} gets no ARP answer for the next hop: the packet is dropped.',
  'drop.broadcast-ignored':
    'Nobody answers the ping to the broadcast address {dst}: {node} sends it without ARP to ff:ff:ff:ff:ff:ff, every machine on the link gets it, and Linux ignores pings to a broadcast address (net.ipv4.icmp_echo_ignore_broadcasts = 1).',
  'drop.not-for-me': '{node} is not a router and the packet is not addressed to it: dropped.',
  'drop.name-unresolvable': 'The name {name} cannot be resolved: after the DNS queries above, nothing is sent to it.',
};

const ko: Record<string, string> = {
  'wire.transmit': '프레임이 {node}의 {dev}(으)로 나갑니다.',
  'wire.receive': '프레임이 {node}의 {dev}(으)로 들어옵니다.',
  'vxlan.arp-proxy':
    'vxlan0이 ARP에 직접 답합니다(프록시): 스웜 가십으로 {ip}이(가) {host}의 {mac}임을 이미 알고 있어 ARP가 LAN을 건너가지 않습니다.',
  'vxlan.encap':
    '{bridge}가 {mac}행 프레임을 vxlan0으로 보내고, vxlan0은 프레임 전체를 UDP {src} → {vtep}:{dport}, VXLAN VNI {vni}로 감쌉니다: {host}로 가는 패킷 속의 패킷입니다.',
  'vxlan.decap':
    '{host}가 {from}에서 온 UDP {dport}를 받아 VNI {vni}를 확인하고 안쪽 프레임을 꺼냅니다. 오버레이의 br0이 그 프레임을 넘겨줍니다.',
  'bridge.learn': '브리지가 {mac}이(가) {port} 포트 뒤에 있다는 것을 배웁니다 (FDB 항목).',
  'bridge.flood':
    '목적지 MAC이 ff:ff:ff:ff:ff:ff(브로드캐스트)이므로 브리지 {bridge}이(가) 프레임을 들어온 포트를 뺀 모든 포트로 내보냅니다(플러딩).',
  'bridge.forward': '브리지 {bridge}은(는) FDB에서 {mac}을(를) 알고 있으므로 {port} 포트로만 프레임을 전달합니다.',
  'bridge.forward-known':
    '브리지 {bridge}은(는) 앞선 프레임에서 {mac}이(가) {port} 포트 뒤에 있다고 이미 배웠으므로(FDB 항목), 플러딩하지 않고 그 포트로만 프레임을 전달합니다.',
  'bridge.up': '프레임의 목적지가 브리지 {bridge} 자신이므로 호스트의 IP 스택으로 올라갑니다.',
  'bridge.flood-unknown':
    '브리지 {bridge}의 FDB에 아직 {mac}이(가) 없어서 프레임을 들어온 포트를 뺀 모든 포트로 내보냅니다.',
  'switch.flood':
    '목적지 MAC이 ff:ff:ff:ff:ff:ff(브로드캐스트)이므로 LAN 스위치가 프레임을 LAN의 다른 모든 장비로 보냅니다.',
  'switch.forward': 'LAN 스위치가 목적지 MAC이 연결된 포트로 프레임을 전달합니다.',
  'arp.request': 'ARP 요청: {ip}의 MAC 주소를 묻는 브로드캐스트 ({asker}이(가) 질문)',
  'arp.reply':
    'ARP 응답: {ip}의 MAC 주소는 {mac}이며, {asker}에게 바로 돌려보냅니다. 응답하는 쪽도 요청에서 {asker}의 MAC을 기록하지만 STALE 상태입니다: 아직 확인되지 않았습니다. 그쪽으로 돌려보내는 첫 패킷이 이 항목을 바로 쓰면서 DELAY 상태가 되고, 약 5초 뒤 확인되면(연결의 진행이나 유니캐스트 ARP 프로브로) REACHABLE이 됩니다.',
  'arp.learn': '이웃 캐시에 {ip} → {mac} 항목이 저장됩니다(REACHABLE). 다음 패킷부터는 ARP를 하지 않습니다.',
  'arp.hit':
    '{node}은(는) {ip}의 MAC 주소가 {mac}임을 이미 알고 있으므로(ARP 캐시) 브로드캐스트 없이 그 MAC으로 바로 프레임을 보냅니다.',
  'drop.arp-unanswered': '{ip}에 대한 ARP 요청에 아무도 응답하지 않습니다: 호스트에 도달할 수 없습니다.',
  'ndp.solicit':
    'IPv6에는 ARP가 없습니다: {asker}이(가) {ip}을(를) 가진 장비를 묻는 이웃 요청(ICMPv6 neighbor solicitation)을 모두가 아니라 {ip}의 요청 노드 멀티캐스트 그룹 {group}(으)로 보냅니다.',
  'ndp.advert':
    '이웃 광고(neighbor advertisement): {ip}의 MAC 주소는 {mac}이며, {asker}에게 바로 돌려보냅니다. 응답하는 쪽도 ARP처럼 요청에서 {asker}의 MAC을 STALE 상태로 기록합니다.',
  'ndp.learn':
    'IPv6 이웃 캐시에 {ip} → {mac} 항목이 저장됩니다(REACHABLE, `ip -6 neigh`). 다음 패킷부터는 이웃 요청을 하지 않습니다.',
  'ndp.hit':
    '{node}은(는) {ip}의 MAC 주소가 {mac}임을 이미 알고 있으므로(IPv6 이웃 캐시) 이웃 요청 없이 그 MAC으로 바로 프레임을 보냅니다.',
  'drop.ndp-unanswered': '{ip}에 대한 이웃 요청에 아무도 응답하지 않습니다: 주소에 도달할 수 없습니다.',
  'ndp.unsolicited':
    '{node}의 IPv6 이웃 캐시에는 이미 {ip}이(가) {mac}(으)로 있습니다: {ip}의 새 주인이 올라올 때 도커가 요청받지 않은 이웃 광고(unsolicited NA)를 보냈고, Linux가 갖고 있던 항목을 고쳤습니다(STALE). 이웃 요청 없이 프레임이 바로 {mac}(으)로 갑니다.',
  'bridge.flood-multicast':
    '{mac}(으)로 가는 멀티캐스트: 브리지 {bridge}은(는) 이 그룹의 가입 정보가 없어 들어온 포트를 뺀 모든 포트로 프레임을 내보냅니다. 물어본 주소를 가진 장비만 그 그룹을 수신 대기합니다.',
  'switch.flood-multicast': '{mac}(으)로 가는 멀티캐스트: LAN 스위치가 프레임을 LAN의 다른 모든 장비로 보냅니다.',
  'dns.embedded-query6':
    '/etc/resolv.conf의 리졸버는 127.0.0.11의 도커 내장 DNS입니다: “{name}의 IPv6 주소는?”이라는 AAAA 질문을 보냅니다.',
  'drop.no-aaaa': '도커 내장 DNS에 {name}의 IPv6 주소(AAAA 레코드)가 없습니다: IPv6로는 보낼 수 없습니다.',
  'drop.neigh-gone':
    '{node}의 ARP 캐시에는 아직 {ip}이(가) {mac}({state}) 항목으로 남아 있어 묻지 않고 그 MAC으로 프레임을 보냅니다. 이제 링크에 그 MAC을 가진 장비가 없어 아무도 프레임을 받지 않고 패킷은 사라집니다. Linux는 항목이 STALE이 되고 프로브에 응답이 없을 때에야 다시 묻습니다.',
  'arp.unsolicited':
    '{node}의 ARP 캐시에는 이미 {ip}이(가) {mac}(으)로 있습니다: {ip}의 새 주인이 올라올 때 도커가 요청받지 않은 ARP(gratuitous ARP)를 보냈고, Linux가 갖고 있던 항목을 고쳤습니다(STALE). 요청 없이 프레임이 바로 {mac}(으)로 갑니다.',
  'ip.send': '{node}이(가) {packet} 패킷을 보냅니다.',
  'ip.reply': '{node}이(가) 응답합니다: {packet}',
  'ip.loopback': '목적지 {dst}은(는) 바로 자기 자신입니다: 패킷은 루프백으로 처리되고, ARP도 브리지도 거치지 않습니다.',
  'ip.deliver': '{node}의 커널이 패킷({packet})을 받습니다: 목적지가 {node} 자신입니다.',
  'ip.route': '{node}이(가) {dev}에 직접 연결된 {dst}(으)로 패킷을 라우팅합니다. TTL은 이제 {ttl}입니다.',
  'ip.route-via':
    '{node}이(가) {dst}(으)로 가는 패킷을 {dev}의 게이트웨이 {via}(으)로 라우팅합니다. TTL은 이제 {ttl}입니다.',
  'nat.dnat':
    '{node}의 DOCKER 체인에 있는 DNAT 규칙(-p로 공개한 포트)이 목적지를 {from} → {to}(으)로 바꿉니다. 그래서 호스트 주소로 온 요청이 컨테이너에 닿습니다.',
  'nat.portfwd':
    '공유기의 포트포워딩 규칙이 목적지를 {from} → {to}(으)로 바꿉니다. 공인 주소로 들어온 요청이 이렇게 LAN 안의 장비로 갑니다.',
  'nat.ct-dnat': '{node}이(가) conntrack에서 연결을 찾아 이 패킷의 목적지도 {from} → {to}(으)로 바꿉니다.',
  'nat.ct-snat': '{node}이(가) conntrack에서 연결을 찾아 이 패킷도 마스커레이드합니다: 출발지 {src} → {newSrc}.',
  'nat.snat':
    '{node}이(가) 마스커레이드합니다: {dev}(으)로 나가면서 출발지 {from}이(가) {to}(으)로 바뀝니다. {from}은(는) 바깥에서 답장을 보낼 수 없는 주소이기 때문이며, conntrack이 이 변환을 기억해 답장을 되돌려 줍니다.',
  'nat.un-nat':
    '{node}이(가) conntrack에서 연결을 찾아 NAT를 되돌립니다: 출발지 {sfrom} → {sto}, 목적지 {from} → {to}.',
  'nat.un-dnat':
    '{node}이(가) conntrack에서 연결을 찾아 응답의 DNAT를 되돌립니다: 출발지 {sfrom}이(가) 다시 {sto}(으)로 바뀝니다. 그래서 클라이언트는 자기가 요청한 주소에서 답이 온 것으로 봅니다.',
  'nat.un-snat':
    '{node}이(가) conntrack에서 마스커레이드한 연결을 찾아 되돌립니다: 목적지 {from}이(가) 다시 {to}(으)로 바뀝니다. 처음 요청을 보낸 장비로 답이 돌아갑니다.',
  'nat.ingress-dnat':
    '라우팅 메시: {node}의 DOCKER-INGRESS(nat PREROUTING, -m addrtype --dst-type LOCAL)가 목적지를 {from} → {to}(docker_gwbridge에 있는 ingress 샌드박스 주소)로 바꿉니다. 공개 포트는 그대로입니다. 태스크가 있든 없든 모든 스웜 노드에 이 규칙이 있습니다.',
  'ipvs.mark':
    '{node}의 mangle {chain} `{match} -j MARK --set-mark {mark}`가 서비스 {service}의 패킷에 표시를 붙입니다. IPVS는 이 방화벽 마크로 패킷을 받습니다.',
  'ipvs.schedule':
    '{node}의 IPVS(FWM {mark}, 라운드 로빈)가 실제 서버 {count}개 중 {n}번째인 {host}의 {task}을(를) 고릅니다. 목적지가 {from} → {to}로 바뀝니다.',
  'ipvs.snat':
    '{node}가 nat POSTROUTING `-m ipvs --ipvs -j SNAT`를 적용합니다: 출발지 {from}이(가) 샌드박스 자신의 주소 {to}가 되므로, 태스크는 {to}를 클라이언트로 보고 이 샌드박스를 거쳐 응답합니다.',
  'ipvs.redirect':
    '{node}의 nat PREROUTING REDIRECT: 공개 포트가 대상 포트로 바뀝니다, {from} → {to}. 앱은 그 포트에서 기다립니다.',
  'drop.no-backend': '{node}의 IPVS에 {dst}를 보낼 서비스 {service}의 실행 중인 태스크가 없습니다: 패킷이 버려집니다.',
  'nat.related':
    '{node}은(는) 이 ICMP {type}이(가) 어느 흐름에 관한 것인지 찾아(conntrack: RELATED, 안에 인용된 패킷으로) 그 흐름의 NAT를 되돌립니다: 목적지 {from}이(가) 실제로 패킷을 보낸 {to}(으)로 바뀝니다.',
  'ip.host-unreachable':
    '{node}은(는) 다음 홉의 ARP 응답을 받지 못해 ICMP “Destination Host Unreachable”을 자신의 주소 {from}에서 {dst}(으)로 돌려보냅니다: ping은 “From {from} icmp_seq={seq} Destination Host Unreachable”을 출력합니다.',
  'tcp.ack':
    '{node}이(가) 데이터 없는 ACK를 {dst}(으)로 보내 3-way 핸드셰이크를 끝냅니다. 이 ACK는 SYN과 같은 홉과 NAT를 지나가고, 바로 뒤에 요청이 따라갑니다.',
  'tcp.close':
    '{node}이(가) 응답을 받고 {dst}과(와)의 연결을 닫습니다: 자신의 FIN, 서버의 FIN, 마지막 ACK. 먼저 닫은 {node} 쪽이 TIME_WAIT에 머물고, conntrack도 이 흐름을 120초 동안 TIME_WAIT로 둡니다.',
  'nat.no-masquerade':
    '{node}은(는) 패킷의 출발지 {src}(컨테이너 주소)를 바꾸지 않은 채 {dev}(으)로 내보냅니다: 네트워크 {network}({subnet})에는 MASQUERADE 규칙이 없습니다({option}). 바깥의 누구도 {subnet}(으)로 돌아가는 경로가 없으므로 답이 돌아올 수 없습니다.',
  'ct.new': '{node}이(가) conntrack 테이블에 새 연결을 기록합니다.',
  'ct.hit': '{node}이(가) conntrack에서 이 패킷의 연결({state})을 찾아 통과시킵니다.',
  'ct.bridged':
    '이 호스트는 br_netfilter가 켜져 있어(bridge-nf-call-iptables = 1) {bridge}에서 브리지로 전달되는 프레임도 iptables를 거치고 conntrack에 기록됩니다. 도커 28은 icc=false 네트워크가 있거나 userland proxy를 끈 경우에만 이것을 켭니다(moby#48492). br_netfilter를 아무도 올리지 않은 호스트에서는 브리지 프레임이 iptables를 거치지 않습니다.',
  'dns.hosts': '/etc/hosts가 답합니다: {name}은(는) {ip}입니다.',
  'dns.embedded-query':
    '/etc/resolv.conf의 DNS 서버는 도커 내장 DNS(127.0.0.11)입니다: "{name}의 주소는?" 컨테이너 안의 DOCKER_OUTPUT 규칙이 53번 포트를 dockerd의 {port}번 포트로 넘깁니다.',
  'dns.embedded-answer': '도커 내장 DNS가 답합니다: {name}은(는) {ip}입니다.',
  'dns.embedded-nodata':
    '도커 내장 DNS는 {name}을(를) IPv6 주소({ip})로만 압니다: A 레코드 없는 NOERROR로 답하고 밖으로 묻지 않습니다.',
  'dns.embedded-forward':
    '이 네트워크에서 {name}(이)라는 이름으로 실행 중인 컨테이너가 없으므로, 도커 DNS가 컨테이너 자신의 네트워크 네임스페이스에서 질문을 호스트의 DNS 서버 {server}(으)로 보냅니다.',
  'dns.internal-servfail':
    '내부(--internal) 네트워크에서는 컨테이너 네임스페이스에 바깥으로 가는 경로가 없어 도커 DNS가 {name}을(를) 바깥에 물을 수 없으므로 SERVFAIL로 답합니다.',
  'dns.server-query': '{node}의 DNS 서버가 {name}에 대한 질문을 받습니다.',
  'dns.answer': '{node}이(가) 답합니다: {name}은(는) {ip}입니다.',
  'dns.nxdomain': '{node}이(가) NXDOMAIN으로 답합니다: {name}(이)라는 이름은 없습니다.',
  'dns.nxdomain-client': '답은 NXDOMAIN입니다: {name}(이)라는 이름은 없습니다.',
  'app.docker-proxy': 'docker-proxy가 {port} 포트에서 받아 {to}({container})(으)로 새 연결을 엽니다.',
  'app.http-relay':
    '{node}의 docker-proxy가 {container}에게서 받은 응답(상태 코드 {status})을 {port} 포트로 클라이언트에게 전달합니다: 응답을 만든 것은 docker-proxy가 아닙니다.',
  'app.http': '{node}의 웹 서버가 {port} 포트의 HTTP 요청에 상태 코드 {status}(으)로 응답합니다.',
  'app.desktop-forward':
    '{node}의 Docker Desktop(com.docker.backend)이 {port} 포트로 받은 연결을 공유 메모리로 VM {vm}에 넘깁니다: {node} 자신에게는 {to}(으)로 가는 경로가 없습니다.',
  'app.desktop-vm': 'VM {node} 안에서 {port} 포트로 넘어온 연결이 {to}({container})(으)로 이어집니다.',
  'app.http-relay-desktop':
    '{node}의 com.docker.backend가 VM 안의 {container}가 보낸 응답(상태 코드 {status})을 {port} 포트로 클라이언트에게 전달합니다.',
  'app.paused':
    '요청은 {node}에 도착하지만 컨테이너 {container}은(는) 일시 정지(docker pause) 상태입니다: freezer cgroup은 프로세스만 멈추고 커널은 멈추지 않아 연결 수립(핸드셰이크)까지는 응답했고, 요청은 {port} 포트에서 읽히지 않은 채 기다립니다. 아무도 답하지 않아 클라이언트는 포기할 때까지 기다립니다.',
  'app.port-unreachable':
    '{node}의 UDP {port} 포트에는 수신 대기(listen) 중인 프로그램이 없어 ICMP port unreachable로 답합니다.',
  'app.refused':
    '{node}의 TCP {port} 포트에는 수신 대기(listen) 중인 프로그램이 없어 RST로 답합니다: 연결이 거부됩니다.',
  'app.refused-router':
    '{node}에는 TCP {port} 포트의 포트포워딩 규칙이 없고 그 포트에서 수신 대기하는 프로그램도 없어 RST로 답합니다: 연결이 거부됩니다.',
  'drop.no-route': '{node}에는 {dst}(으)로 가는 경로가 없어 패킷을 버립니다.',
  'matrix.unreachable': '{node}에는 {dst}(으)로 가는 경로가 없어 패킷을 보내지도 못합니다(Network is unreachable).',
  'matrix.outcome': '응답 없음: {summary}.',
  'challenge.missing': '{name}(이)라는 실행 중인 컨테이너나 장비가 없습니다: 먼저 실행하거나 이름을 붙이세요.',
  'challenge.otherServer': '응답은 왔지만 {name}이(가) 보낸 것이 아닙니다: 요청이 다른 앱에 닿았습니다.',
  'challenge.noBody': '응답은 왔지만 페이지에 “{text}”이(가) 없습니다.',
  'challenge.arrived': '{from}에서 {to}(으)로 가는 패킷이 아직 도착합니다: 이 목표는 도착하지 않아야 합니다.',
  'challenge.reached': '{from}은(는) 아직 {target}에 닿습니다: 이 목표는 아무것도 통과하지 않아야 합니다.',
  'drop.no-route-private':
    '{node}에는 {dst}(으)로 가는 경로가 없어 패킷을 버립니다. 사설 주소(10/8, 172.16/12, 192.168/16)는 인터넷에서 라우팅되지 않습니다.',
  'drop.isolated':
    'DOCKER-ISOLATION-STAGE-2에서 버려집니다(FORWARD → DOCKER-FORWARD → DOCKER-ISOLATION-STAGE-1 → STAGE-2): {node}은(는) 서로 다른 도커 네트워크 사이를 전달하지 않습니다.',
  'drop.icc':
    'DOCKER-FORWARD의 `-i {bridge} -o {bridge} -j DROP` 규칙에 의해 버려집니다: 이 네트워크는 enable_icc=false로 만들어져 컨테이너끼리 통신할 수 없고, 도커가 bridge-nf-call-iptables를 켜 두어 브리지 프레임도 iptables를 거칩니다.',
  'drop.isolated6':
    'ip6tables의 DOCKER-ISOLATION-STAGE-2에서 버려집니다(FORWARD → DOCKER-FORWARD → DOCKER-ISOLATION-STAGE-1 → STAGE-2): 도커는 IPv6 네트워크도 IPv4와 같은 체인으로 격리하므로 {node}은(는) 서로 다른 도커 네트워크 사이를 전달하지 않습니다.',
  'drop.icc6':
    'ip6tables DOCKER-FORWARD의 `-i {bridge} -o {bridge} -j DROP` 규칙에 의해 버려집니다: 이 네트워크는 enable_icc=false로 만들어져 IPv6로도 컨테이너끼리 통신할 수 없습니다(bridge-nf-call-ip6tables가 브리지의 IPv6 프레임도 ip6tables로 보냅니다).',
  'drop.internal': '버려집니다: --internal 네트워크는 바깥과 드나들 수 없습니다.',
  'drop.not-published':
    'DOCKER 체인(`! -i br -o br -j DROP`)에 의해 버려집니다: {dst}의 이 프로토콜과 포트로 공개(publish)된 포트가 없어 외부 트래픽이 브리지로 들어갈 수 없습니다.',
  'drop.ttl-exceeded': '{node}에서 TTL이 0이 되어 패킷을 버립니다.',
  'ip.time-exceeded':
    '{node}이(가) {ip}에서 ICMP time exceeded로 답합니다: traceroute는 {ip}을(를) {hop}번째 홉으로 표시합니다.',
  'drop.host-unreachable': '{node}이(가) 다음 홉에 대한 ARP 응답을 받지 못해 패킷을 버립니다.',
  'drop.broadcast-ignored':
    '브로드캐스트 주소 {dst}(으)로 보낸 ping에 아무도 응답하지 않습니다: {node}은(는) ARP 없이 ff:ff:ff:ff:ff:ff로 보내고 링크의 모든 머신이 받지만, 리눅스는 브로드캐스트 주소로 온 ping을 무시합니다(net.ipv4.icmp_echo_ignore_broadcasts = 1).',
  'drop.not-for-me': '{node}은(는) 라우터가 아니고 패킷의 목적지도 아니므로 버립니다.',
  'drop.name-unresolvable':
    '{name}(이)라는 이름을 주소로 바꿀 수 없습니다: 위의 DNS 질의 뒤로는 그 이름으로 아무것도 보내지 않습니다.',
};

export const traceMessages: Record<Lang, Record<string, string>> = {
  en: { ...en, ...lowerTrace.en },
  ko: { ...ko, ...lowerTrace.ko },
};

/** Fills `{param}` placeholders of a step's explanation in the chosen language. */
export function formatExplain(lang: Lang, explain: { key: string; params: Record<string, string | number> }): string {
  const template = traceMessages[lang][explain.key] ?? traceMessages.en[explain.key] ?? explain.key;
  const text = template.replace(/\{(\w+)\}/g, (_, k: string) => String(explain.params[k] ?? `{${k}}`));
  // Korean particles follow the name filled in: web이, router가, eth0으로, pc1로
  return lang === 'ko' ? resolveParticles(text) : text;
}
