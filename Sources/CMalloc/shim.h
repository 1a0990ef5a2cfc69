#ifndef RECTIFY_CMALLOC_SHIM_H
#define RECTIFY_CMALLOC_SHIM_H
// glibc's mallopt, which Swift's Glibc module leaves out.
#include <malloc.h>
#endif
