// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QTcpServer>
#include <QTcpSocket>
#include <functional>

namespace VisitMap::Test {

// A one-request-per-connection HTTP server on loopback for services the app talks to (tile
// servers, routing services). handle gets the request path and returns the response.
class HttpServer : public QTcpServer
{
public:
    struct Response
    {
        int status = 200;
        QByteArray contentType = "application/json";
        QByteArray body;
        QByteArray extraHeaders; // "Cache-Control: max-age=3600\r\n"
    };
    int requests = 0;
    QByteArray lastPath;

    explicit HttpServer(std::function<Response(const QByteArray &path)> handle) : m_handle(std::move(handle))
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = nextPendingConnection()) {
                connect(s, &QTcpSocket::readyRead, s, [this, s] {
                    if (!s->canReadLine())
                        return;
                    const QByteArray line = s->readLine();
                    ++requests;
                    lastPath = line.split(' ').value(1);
                    const Response r = line.startsWith("GET /") ? m_handle(lastPath) : Response{400, "text/plain", "bad request", {}};
                    s->write("HTTP/1.1 " + QByteArray::number(r.status) + (r.status == 200 ? " OK" : " Error") + "\r\nContent-Type: "
                             + r.contentType + "\r\n" + r.extraHeaders + "Content-Length: " + QByteArray::number(r.body.size())
                             + "\r\nConnection: close\r\n\r\n" + r.body);
                    s->disconnectFromHost();
                });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
    }

private:
    std::function<Response(const QByteArray &)> m_handle;
};

} // namespace VisitMap::Test
