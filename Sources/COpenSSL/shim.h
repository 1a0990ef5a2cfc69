#ifndef RECTIFY_COPENSSL_SHIM_H
#define RECTIFY_COPENSSL_SHIM_H
#include <openssl/evp.h>
#include <openssl/sha.h>
#endif
