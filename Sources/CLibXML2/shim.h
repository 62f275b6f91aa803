#ifndef MENTORMAIL_CLIBXML2_SHIM_H
#define MENTORMAIL_CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>
/// Foundation on Linux ships its own ICU; libxml2's ICU headers would clash with it.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlmemory.h>

/// xmlFree is a function-pointer variable, which Swift imports as an optional value, not a function.
static inline void mm_xml_free(void *pointer) {
    xmlFree(pointer);
}

#endif
