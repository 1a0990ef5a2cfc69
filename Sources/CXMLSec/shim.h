#ifndef RECTIFY_CXMLSEC_SHIM_H
#define RECTIFY_CXMLSEC_SHIM_H
// SwiftPM drops pkg-config's -D flags, so mirror `pkg-config --cflags xmlsec1-openssl` here, before any include:
// without XMLSEC_NO_SIZE_T the structs change layout and Swift reads the wrong bytes.
#define __XMLSEC_FUNCTION__ __func__
#define XMLSEC_NO_SIZE_T
#define XMLSEC_OPENSSL3_ENGINES 1
#define XMLSEC_NO_GOST 1
#define XMLSEC_NO_GOST2012 1
#define XMLSEC_NO_CRYPTO_DYNAMIC_LOADING 1
#define XMLSEC_CRYPTO_OPENSSL 1
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/tree.h>
#include <libxml/parser.h>
#include <xmlsec/xmlsec.h>
#include <xmlsec/xmltree.h>
#include <xmlsec/errors.h>
#include <xmlsec/xmldsig.h>
#include <xmlsec/templates.h>
#include <xmlsec/base64.h>
#include <xmlsec/buffer.h>
#include <xmlsec/transforms.h>
#include <xmlsec/keys.h>
#include <xmlsec/keysmngr.h>
#include <xmlsec/crypto.h>
#include <xmlsec/openssl/app.h>
#include <xmlsec/openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/ec.h>
#include <openssl/rsa.h>
#include <openssl/bio.h>
#include <openssl/rand.h>

// The xmlSec…Id names are macros over …GetKlass() functions: give Swift functions to call.
static inline xmlSecTransformId rectify_transformExclC14N(void) { return xmlSecTransformExclC14NId; }
static inline xmlSecTransformId rectify_transformEnveloped(void) { return xmlSecTransformEnvelopedId; }
static inline xmlSecTransformId rectify_transformSha256(void) { return xmlSecOpenSSLTransformSha256GetKlass(); }
static inline xmlSecTransformId rectify_transformEcdsaSha256(void) { return xmlSecOpenSSLTransformEcdsaSha256GetKlass(); }
static inline xmlSecTransformId rectify_transformRsaSha256(void) { return xmlSecOpenSSLTransformRsaSha256GetKlass(); }
static inline xmlSecKeyDataId rectify_keyDataX509(void) { return xmlSecOpenSSLKeyDataX509GetKlass(); }
static inline const xmlChar *rectify_dsigNs(void) { return xmlSecDSigNs; }
static inline const xmlChar *rectify_nodeSignature(void) { return xmlSecNodeSignature; }
static inline int rectify_statusSucceeded(xmlSecDSigCtxPtr ctx) { return ctx->status == xmlSecDSigStatusSucceeded; }
static inline void rectify_xmlFreeSec(void *pointer) { xmlFree(pointer); }
// OPENSSL_free is a macro over CRYPTO_free with file and line.
static inline void rectify_opensslFree(void *pointer) { OPENSSL_free(pointer); }
#endif
