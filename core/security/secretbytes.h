// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

namespace VisitMap::Security {

// Key material that is wiped from memory when it goes away.
class SecretBytes
{
public:
    SecretBytes() = default;
    explicit SecretBytes(QByteArray bytes) : m_bytes(std::move(bytes)) {}
    SecretBytes(const SecretBytes &other) : m_bytes(other.m_bytes) { m_bytes.detach(); }
    SecretBytes(SecretBytes &&other) noexcept : m_bytes(std::move(other.m_bytes)) {}
    SecretBytes &operator=(const SecretBytes &other)
    {
        if (this != &other) {
            wipe();
            m_bytes = other.m_bytes;
            m_bytes.detach();
        }
        return *this;
    }
    SecretBytes &operator=(SecretBytes &&other) noexcept
    {
        if (this != &other) {
            wipe();
            m_bytes = std::move(other.m_bytes);
        }
        return *this;
    }
    ~SecretBytes() { wipe(); }

    static SecretBytes random(int size);

    const unsigned char *data() const
    {
        return reinterpret_cast<const unsigned char *>(m_bytes.constData());
    }
    int size() const { return int(m_bytes.size()); }
    bool isEmpty() const { return m_bytes.isEmpty(); }
    const QByteArray &bytes() const { return m_bytes; }

private:
    void wipe();
    QByteArray m_bytes;
};

} // namespace VisitMap::Security
