// cairo with its PDF and FreeType backends, for the Typesetting module only.
#include <cairo.h>
#include <cairo-pdf.h>
#include <cairo-ft.h>
