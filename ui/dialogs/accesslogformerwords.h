// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <optional>

namespace VisitMap::Ui {

// Entries written before the access log's details were codes hold core's English free text.
// The forms core wrote (each call site's history) are read back into a detail code with its
// facts, where the form is certain, so they get the same Korean words as new entries.
class AccessLogFormerWords
{
public:
    // The Korean words of an older detail; nullopt when its form is not a known one (the
    // dialog then shows it as written, marked as an older entry). A text with no Latin letter
    // was written in Korean already and is given back as it is.
    static std::optional<QString> korean(const QString &former);
};

} // namespace VisitMap::Ui
