// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/storelock.h"
#include "util/result.h"
#include "workspace.h"

#include <QCoreApplication>
#include <memory>
#include <optional>

class QWidget;

namespace VisitMap::Ui {

// Opens a store for the app. When another program has it open (one process owns a store at a
// time), says who in a dialog and lets the person wait for it (기다리기, with a progress dialog
// that can be cancelled) or give up (취소: ErrorCode::Cancelled).
class StoreOpener
{
    Q_DECLARE_TR_FUNCTIONS(StoreOpener)

public:
    static Result<std::unique_ptr<Workspace>>
    open(const QString &path, Workspace::OpenMode mode, QWidget *parent = nullptr);
    // The dialog's words about who holds the store.
    static QString holderText(const QString &path,
                              const std::optional<Storage::StoreLock::Holder> &holder);
};

} // namespace VisitMap::Ui
