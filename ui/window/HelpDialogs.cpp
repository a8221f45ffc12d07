#include "HelpDialogs.h"

#include "Version.h"

#include <QCoreApplication>
#include <QMessageBox>

namespace socklab {

void showGlossary(QWidget* parent)
{
    // Both languages on purpose: students meet the English terms in man pages and RFCs.
    static const char* const terms[][2] = {
        {"socket", "套接字"}, {"stream socket (SOCK_STREAM)", "流式套接字"},
        {"datagram socket (SOCK_DGRAM)", "数据报套接字"}, {"three-way handshake", "三次握手"},
        {"four-way teardown", "四次挥手"}, {"listening socket", "监听套接字"}, {"connected socket", "连接套接字"},
        {"listen queue (backlog)", "监听队列"}, {"blocking call", "阻塞函数"}, {"send buffer", "发送缓冲区"},
        {"receive buffer", "接收缓冲区"}, {"sticky packets", "粘包"}, {"message boundary", "消息边界"},
        {"end marker", "结尾标志"}, {"segment", "报文"}, {"sequence number", "序列号"},
        {"acknowledgement number", "确认号"}, {"window", "窗口"}, {"flag", "标志位"}};
    QString html = QStringLiteral("<p>%1</p><table cellpadding='3'>")
                       .arg(QCoreApplication::translate("HelpDialogs", "The words of the lesson, in English and Chinese."));
    for (const auto& t : terms)
        html += QStringLiteral("<tr><td>%1</td><td><b>%2</b></td></tr>")
                    .arg(QString::fromUtf8(t[0]), QString::fromUtf8(t[1]));
    html += QStringLiteral("</table>");
    QMessageBox::information(parent, QCoreApplication::translate("HelpDialogs", "Glossary"), html);
}

void showAbout(QWidget* parent)
{
    QMessageBox::about(parent, QCoreApplication::translate("HelpDialogs", "About socklab"), aboutText());
}

QString aboutText()
{
    return QCoreApplication::translate("HelpDialogs", "<h3>socklab</h3><p>Watch real TCP and UDP sockets on the real Linux kernel: every "
                          "step runs a real socket call in a private network lab, and what the kernel does "
                          "(segments, states, buffers) is recorded and animated.</p>"
                          "<p>Facts marked * are derived from the captured segments; all others were observed "
                          "in the kernel.</p>")
           + QStringLiteral("<p>%1</p>").arg(QCoreApplication::translate("HelpDialogs", "Version %1").arg(version()));
}

} // namespace socklab
