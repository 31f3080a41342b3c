// FreeType, which cairo draws glyph outlines with, for the Typesetting module only.
#include <ft2build.h>
#include FT_FREETYPE_H
