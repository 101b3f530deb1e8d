// SPDX-License-Identifier: GPL-3.0-or-later
#include "secretbytes.h"

#include <sodium.h>

namespace VisitMap::Security {

void SecretBytes::wipe()
{
    // Only the sole owner of the buffer wipes it; a shared copy is wiped by its last owner.
    if (!m_bytes.isEmpty() && !m_bytes.data_ptr().isShared())
        sodium_memzero(const_cast<char *>(m_bytes.constData()), size_t(m_bytes.size()));
    m_bytes.clear();
}

SecretBytes SecretBytes::random(int size)
{
    QByteArray b(size, Qt::Uninitialized);
    randombytes_buf(b.data(), size_t(size));
    return SecretBytes(std::move(b));
}

} // namespace VisitMap::Security
