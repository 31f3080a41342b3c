// HarfBuzz, which shapes text into positioned glyphs, for the Typesetting module only.
#include <harfbuzz/hb.h>
#include <harfbuzz/hb-ft.h>
