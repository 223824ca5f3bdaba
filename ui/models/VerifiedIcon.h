#pragma once

#include <QIcon>

// The small verified / not-verified badge in the user table: a green tick or an amber ring,
// drawn rather than shipped as files so it stays crisp at any device pixel ratio.
namespace VerifiedIcon
{
QIcon icon(bool verified);
}
