// libqrencode, which encodes certificate verification links as QR codes, for the Typesetting module only.
#include <qrencode.h>

// Two steps of QRcode_encodeString that libqrencode exports but does not declare: splitting the text
// into modes, and encoding with a mask chosen by the caller rather than after trying all eight.
// Weak, so that a build of the library without them still links; CQRencode_canChooseMask says whether they are there.
extern int Split_splitStringToQRinput(const char *string, QRinput *input, QRencodeMode hint, int casesensitive) __attribute__((weak));
extern QRcode *QRcode_encodeMask(QRinput *input, int mask) __attribute__((weak));

static inline int CQRencode_canChooseMask(void) {
    return Split_splitStringToQRinput != 0 && QRcode_encodeMask != 0;
}
