#ifndef RECTIFY_CLIBXML2_SHIM_H
#define RECTIFY_CLIBXML2_SHIM_H
// Debian's libxml2 is built with ICU, whose headers clash with Foundation's: turn it off before the other headers.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlsave.h>
#include <libxml/xpath.h>
#include <libxml/c14n.h>
#include <libxml/xmlIO.h>

// xmlFree is a global function pointer, which Swift 6 refuses to touch: call it through a function.
static inline void rectify_xmlFree(void *pointer) { xmlFree(pointer); }
#endif
