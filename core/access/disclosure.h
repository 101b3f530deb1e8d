// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSet>
#include <QString>

namespace VisitMap {
class Workspace;
}

namespace VisitMap::Security {

// What the screen shows of a person. Lists (many people at once) mask names, phone numbers and
// house numbers; a household opened on purpose (a logged view) shows who they are; a
// 주민등록번호 stays masked until someone allowed asks to see it, which is logged. One masking rule
// (Mask::) is used everywhere.
class Disclosure
{
public:
    explicit Disclosure(Workspace &workspace) : m_ws(workspace) {}

    bool listRevealed() const { return m_listRevealed; }
    // Shows names, phones and addresses in lists; logged as one reveal entry.
    bool setListRevealed(bool revealed);

    QString listName(const QString &name) const;
    QString listPhone(const QString &phone) const;
    QString listAddress(const QString &address) const;

    // The resident numbers of a household are shown once revealed (logged per household).
    bool revealIdentifiers(const QString &householdId, const QString &officeCode);
    bool identifiersRevealed(const QString &householdId) const { return m_revealed.contains(householdId); }
    QString rrn(const QString &householdId, const QString &rrn) const;

    void forget(); // on sign-out and lock

private:
    Workspace &m_ws;
    bool m_listRevealed = false;
    QSet<QString> m_revealed;
};

} // namespace VisitMap::Security
