// fontconfig, which finds installed fonts by family and style, for the Typesetting module only.
#include <fontconfig/fontconfig.h>
