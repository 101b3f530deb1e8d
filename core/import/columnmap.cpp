// SPDX-License-Identifier: GPL-3.0-or-later
#include "columnmap.h"

namespace VisitMap::Import {

int ColumnMap::find(std::initializer_list<QStringView> names)
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
    m_uses << use;
    return column;
}

} // namespace VisitMap::Import
