// "Attach to a running program…" dialog: a listener on the host loopback is
// seen through the dialog's signal, offscreen.

#include "AttachDialog.h"

#include <QSignalSpy>

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace socklab;

TEST(AttachDialog, ShowsTheStatesOfAHostPort)
{
    const int l = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    ASSERT_EQ(::bind(l, reinterpret_cast<sockaddr*>(&a), len), 0);
    ASSERT_EQ(::listen(l, 4), 0);
    ::getsockname(l, reinterpret_cast<sockaddr*>(&a), &len);
    const QString port = QString::number(ntohs(a.sin_port));

    AttachDialog dialog;
    EXPECT_FALSE(dialog.attach("10.0.0.1:" + port, 0));
    EXPECT_TRUE(dialog.status().contains("not a loopback address"));

    Timeline last;
    QObject::connect(&dialog, &AttachDialog::timelineChanged, [&](const Timeline& tl) { last = tl; });
    QSignalSpy finished(&dialog, &AttachDialog::attachFinished);
    ASSERT_TRUE(dialog.attach(port, 0)) << dialog.status().toStdString();
    EXPECT_TRUE(dialog.attached());
    dialog.stop();
    ASSERT_EQ(finished.size(), 1);
    EXPECT_TRUE(finished.first().first().toBool());
    bool listen = false;
    for (const Event& e : last.events())
        listen = listen || (e.state() && e.state()->state == QLatin1String("LISTEN"));
    EXPECT_TRUE(listen);
    EXPECT_EQ(last.scenarioId, "attach");
    ::close(l);
}
