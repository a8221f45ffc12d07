#include "NfQueue.h"

#include "SysError.h"

// glibc's netinet/in.h before the kernel's headers (linux/in.h would collide).
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <libmnl/libmnl.h>
#include <linux/netfilter.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netfilter/nfnetlink_queue.h>

#include <cerrno>

static_assert(socklab::NfQueue::Accept == NF_ACCEPT && socklab::NfQueue::Drop == NF_DROP);

namespace socklab {

namespace {

nlmsghdr* putHeader(char* buf, int type, uint16_t queue, uint32_t seq)
{
    nlmsghdr* nlh = mnl_nlmsg_put_header(buf);
    nlh->nlmsg_type = (NFNL_SUBSYS_QUEUE << 8) | type;
    nlh->nlmsg_flags = NLM_F_REQUEST;
    nlh->nlmsg_seq = seq;
    auto* nfg = static_cast<nfgenmsg*>(mnl_nlmsg_put_extra_header(nlh, sizeof(nfgenmsg)));
    nfg->nfgen_family = AF_UNSPEC;
    nfg->version = NFNETLINK_V0;
    nfg->res_id = htons(queue);
    return nlh;
}

struct ParsedAttrs {
    const nlattr* tb[NFQA_MAX + 1] = {};
};

int attrCallback(const nlattr* attr, void* data)
{
    auto* p = static_cast<ParsedAttrs*>(data);
    const int type = mnl_attr_get_type(attr);
    if (mnl_attr_type_valid(attr, NFQA_MAX) > 0) p->tb[type] = attr;
    return MNL_CB_OK;
}

struct ReceiveContext {
    const std::function<void(QueuedPacket&&)>* onPacket;
    uint32_t* lastId;
    uint64_t* gaps;
};

int packetCallback(const nlmsghdr* nlh, void* data)
{
    auto* ctx = static_cast<ReceiveContext*>(data);
    if ((nlh->nlmsg_type & 0xff) != NFQNL_MSG_PACKET) return MNL_CB_OK;
    ParsedAttrs attrs;
    if (mnl_attr_parse(nlh, sizeof(nfgenmsg), attrCallback, &attrs) < 0) return MNL_CB_OK;
    if (!attrs.tb[NFQA_PACKET_HDR]) return MNL_CB_OK;
    const auto* ph = static_cast<const nfqnl_msg_packet_hdr*>(mnl_attr_get_payload(attrs.tb[NFQA_PACKET_HDR]));
    QueuedPacket p;
    p.id = ntohl(ph->packet_id);
    p.hwProtocol = ntohs(ph->hw_protocol);
    p.hook = ph->hook;
    if (attrs.tb[NFQA_PAYLOAD])
        p.bytes = QByteArray(static_cast<const char*>(mnl_attr_get_payload(attrs.tb[NFQA_PAYLOAD])),
                             qsizetype(mnl_attr_get_payload_len(attrs.tb[NFQA_PAYLOAD])));
    // The kernel numbers the packets it hands over one by one: a gap is a packet lost on the way.
    if (*ctx->lastId != 0 && p.id > *ctx->lastId + 1) *ctx->gaps += p.id - *ctx->lastId - 1;
    if (p.id > *ctx->lastId) *ctx->lastId = p.id;
    (*ctx->onPacket)(std::move(p));
    return MNL_CB_OK;
}

} // namespace

NfQueue::~NfQueue()
{
    if (m_nl) mnl_socket_close(m_nl);
}

int NfQueue::fd() const { return m_nl ? mnl_socket_get_fd(m_nl) : -1; }

bool NfQueue::sendAndAck(const char* what, void* buf, QString* error)
{
    auto* nlh = static_cast<nlmsghdr*>(buf);
    nlh->nlmsg_flags |= NLM_F_ACK;
    if (mnl_socket_sendto(m_nl, nlh, nlh->nlmsg_len) < 0) {
        *error = sysError(QLatin1String(what), errno);
        return false;
    }
    char reply[MNL_SOCKET_BUFFER_SIZE];
    for (;;) {
        const ssize_t n = mnl_socket_recvfrom(m_nl, reply, sizeof reply);
        if (n < 0) {
            *error = sysError(QLatin1String(what), errno);
            return false;
        }
        const int r = mnl_cb_run(reply, size_t(n), nlh->nlmsg_seq, m_portId, nullptr, nullptr);
        if (r == MNL_CB_ERROR) {
            *error = sysError(QLatin1String(what), errno);
            return false;
        }
        if (r == MNL_CB_STOP) return true;
    }
}

bool NfQueue::config(uint8_t command, uint16_t pf, QString* error)
{
    char buf[MNL_SOCKET_BUFFER_SIZE];
    nlmsghdr* nlh = putHeader(buf, NFQNL_MSG_CONFIG, m_queue, ++m_seq);
    nfqnl_msg_config_cmd cmd{};
    cmd.command = command;
    cmd.pf = htons(pf);
    mnl_attr_put(nlh, NFQA_CFG_CMD, sizeof cmd, &cmd);
    return sendAndAck("NFQUEUE bind", buf, error);
}

bool NfQueue::open(uint16_t number, uint32_t maxLen, QString* error)
{
    m_queue = number;
    m_nl = mnl_socket_open2(NETLINK_NETFILTER, SOCK_CLOEXEC);
    if (!m_nl) {
        *error = sysError(QLatin1String("socket(NETLINK_NETFILTER)"), errno);
        return false;
    }
    if (mnl_socket_bind(m_nl, 0, MNL_SOCKET_AUTOPID) < 0) {
        *error = sysError(QLatin1String("bind(NETLINK_NETFILTER)"), errno);
        return false;
    }
    m_portId = mnl_socket_get_portid(m_nl);
    // A big receive buffer: a burst of queued packets must not overflow it.
    // SO_RCVBUFFORCE needs CAP_NET_ADMIN of the host; else as much as rmem_max allows.
    const int want = 32 << 20;
    if (::setsockopt(fd(), SOL_SOCKET, SO_RCVBUFFORCE, &want, sizeof want) != 0)
        ::setsockopt(fd(), SOL_SOCKET, SO_RCVBUF, &want, sizeof want);
    if (!config(NFQNL_CFG_CMD_BIND, AF_INET, error)) return false;

    char buf[MNL_SOCKET_BUFFER_SIZE];
    nlmsghdr* nlh = putHeader(buf, NFQNL_MSG_CONFIG, m_queue, ++m_seq);
    nfqnl_msg_config_params params{};
    params.copy_range = htonl(0xffff);
    params.copy_mode = NFQNL_COPY_PACKET;
    mnl_attr_put(nlh, NFQA_CFG_PARAMS, sizeof params, &params);
    mnl_attr_put_u32(nlh, NFQA_CFG_QUEUE_MAXLEN, htonl(maxLen));
    if (!sendAndAck("NFQUEUE parameters", buf, error)) return false;
    // From here on the socket is read without blocking by the wire's loop.
    m_buf.resize(0xffff + MNL_SOCKET_BUFFER_SIZE);
    return true;
}

bool NfQueue::receive(const std::function<void(QueuedPacket&&)>& onPacket, QString* error)
{
    ReceiveContext ctx{&onPacket, &m_lastId, &m_idGaps};
    for (;;) {
        const ssize_t n = ::recv(fd(), m_buf.data(), size_t(m_buf.size()), MSG_DONTWAIT);
        if (n < 0) {
            if (errno == EAGAIN || errno == EWOULDBLOCK) return true;
            if (errno == EINTR) continue;
            if (errno == ENOBUFS) {
                ++m_overruns;
                continue;
            }
            *error = sysError(QLatin1String("recv(NFQUEUE)"), errno);
            return false;
        }
        mnl_cb_run(m_buf.constData(), size_t(n), 0, m_portId, packetCallback, &ctx);
    }
}

bool NfQueue::verdict(uint32_t id, uint32_t v)
{
    char buf[MNL_SOCKET_BUFFER_SIZE];
    nlmsghdr* nlh = putHeader(buf, NFQNL_MSG_VERDICT, m_queue, 0);
    nfqnl_msg_verdict_hdr vh{};
    vh.verdict = htonl(v);
    vh.id = htonl(id);
    mnl_attr_put(nlh, NFQA_VERDICT_HDR, sizeof vh, &vh);
    return mnl_socket_sendto(m_nl, nlh, nlh->nlmsg_len) >= 0;
}

} // namespace socklab
