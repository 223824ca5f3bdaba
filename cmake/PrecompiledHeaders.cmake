# Qt's headers are most of what each of our small source files costs to compile, twice over
# in CI (the normal and the sanitizer build). The libraries precompile the Qt headers nearly
# all their files include; test executables (one or two files each) do not.
# VD_PRECOMPILE_HEADERS=OFF turns it off (e.g. to check that every file includes what it uses).
option(VD_PRECOMPILE_HEADERS "Precompile the Qt headers the libraries share" ON)

# vd_precompile_qt(<target> [NETWORK] [WIDGETS])
function(vd_precompile_qt target)
    if(NOT VD_PRECOMPILE_HEADERS)
        return()
    endif()
    cmake_parse_arguments(P "NETWORK;WIDGETS" "" "" ${ARGN})
    set(headers
        <QByteArray> <QDateTime> <QHash> <QJsonArray> <QJsonDocument> <QJsonObject> <QList>
        <QObject> <QPointer> <QString> <QStringList> <QTimer> <QUrl>
        <functional> <memory> <optional> <vector>)
    if(P_NETWORK)
        list(APPEND headers <QNetworkAccessManager> <QNetworkReply> <QNetworkRequest>)
    endif()
    if(P_WIDGETS)
        list(APPEND headers
            <QWidget> <QLabel> <QPushButton> <QLineEdit> <QHBoxLayout> <QVBoxLayout> <QAbstractItemModel>)
    endif()
    target_precompile_headers(${target} PRIVATE ${headers})
endfunction()
