// SPDX-License-Identifier: GPL-3.0-or-later
#include "columnmap.h"

namespace VisitMap::Import {

int ColumnMap::find(std::initializer_list<QStringView> names, Need need)
{
    QList<int> matches;
    for (int i = 0; i < m_table.header.size(); ++i) {
        const QString h = m_table.header.at(i).trimmed();
        for (QStringView name : names) {
            if (h.compare(name, Qt::CaseInsensitive) == 0) {
                matches << i;
                break;
            }
        }
    }
    if (matches.size() > 1) {
        QStringList where;
        for (int i : matches)
            where
                << QStringLiteral("column %1 (%2)").arg(i + 1).arg(m_table.header.at(i).trimmed());
        m_report.addError(m_file, 1, m_table.header.at(matches.first()).trimmed(),
                          RowProblem::DuplicateColumn, {where.join(QStringLiteral(", "))},
                          QStringLiteral("the same column appears more than once: %1; keep one")
                              .arg(where.join(QStringLiteral(", "))));
    }
    const int column = m_table.column(names);
    Use use;
    for (QStringView name : names)
        use.names << name.toString();
    use.column = column;
    use.required = need == Need::Required;
    m_uses << use;
    return column;
}

bool ColumnMap::checkRequired()
{
    bool complete = true;
    for (const Use &use : std::as_const(m_uses)) {
        if (!use.required || use.column >= 0)
            continue;
        complete = false;
        const QString accepted = use.names.join(QStringLiteral(", "));
        m_report.addError(m_file, 1, {}, RowProblem::MissingColumn, {accepted},
                          QStringLiteral("no %1 column (the header needs one of: %2)")
                              .arg(use.names.value(0), accepted));
    }
    return complete;
}

} // namespace VisitMap::Import
