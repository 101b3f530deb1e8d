// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/facility.h"
#include "workflow/facilitydirectory.h"

#include <QDialog>

class QLabel;
class QLineEdit;

namespace VisitMap::Ui {

class WorkspaceController;

// Corrects a welfare facility's name, kind, address and phone. The fields are checked by core;
// a problem is said next to the form in Korean and nothing is written until all pass.
class FacilityEditDialog : public QDialog
{
    Q_OBJECT
public:
    FacilityEditDialog(WorkspaceController *controller,
                       const Facility &facility,
                       QWidget *parent = nullptr);

    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *categoryEdit() const { return m_category; }
    QLineEdit *detailEdit() const { return m_detail; }
    QLineEdit *addressEdit() const { return m_address; }
    QLineEdit *phoneEdit() const { return m_phone; }
    QString errorText() const;

    // The Korean sentence for a problem core found.
    static QString describe(FacilityDirectory::Problem problem);

public Q_SLOTS:
    void accept() override;

private:
    WorkspaceController *m_controller;
    Facility m_facility;
    QLineEdit *m_name;
    QLineEdit *m_category;
    QLineEdit *m_detail;
    QLineEdit *m_address;
    QLineEdit *m_phone;
    QLabel *m_error;
};

} // namespace VisitMap::Ui
