// libqrencode, which encodes certificate verification links as QR codes, for the Typesetting module only.
#include <qrencode.h>
