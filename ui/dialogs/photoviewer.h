// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/logentries.h"

#include <QDialog>
#include <QHash>
#include <QImage>

class QLabel;
class QPushButton;
class QScrollArea;

namespace VisitMap::Ui {

class WorkspaceController;

// The photos of a household or of a crisis report, one at a time: scaled to fit (or zoomed),
// next and previous, with the consent record and who added it when. Each photo is opened through
// core, which logs the view as a reveal (열람) before the picture is shown; a photo without a
// consent record is not opened and the rule is said instead.
class PhotoViewer : public QDialog
{
    Q_OBJECT
public:
    PhotoViewer(WorkspaceController *controller,
                const QList<Attachment> &photos,
                int start = 0,
                QWidget *parent = nullptr);

    int currentIndex() const { return m_index; }
    // 1.0 is the photo's own size; in fit mode the scale that fits the window.
    double scale() const { return m_scale; }
    bool fitsWindow() const { return m_fit; }
    // The picture as shown (null when nothing could be shown), and what is said about it.
    QImage shownImage() const { return m_shown; }
    QString factsText() const;
    QString messageText() const;
    QPushButton *button(const QString &objectName) const;

public Q_SLOTS:
    void showIndex(int index);
    void next() { showIndex(m_index + 1); }
    void previous() { showIndex(m_index - 1); }
    void zoomIn();
    void zoomOut();
    void actualSize();
    void fitToWindow();

protected:
    void resizeEvent(QResizeEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void render();
    QString facts(const Attachment &a) const;

    WorkspaceController *m_controller;
    QList<Attachment> m_photos;
    QHash<QString, QImage> m_opened; // decoded in this window only, never written anywhere
    int m_index = -1;
    bool m_fit = true;
    double m_scale = 1;
    QImage m_image;
    QImage m_shown;
    QLabel *m_title;
    QScrollArea *m_scroll;
    QLabel *m_picture;
    QLabel *m_message;
    QLabel *m_facts;
};

} // namespace VisitMap::Ui
