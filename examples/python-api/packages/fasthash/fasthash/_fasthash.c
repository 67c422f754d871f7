/* FNV-1a, 64 bits: http://www.isthe.com/chongo/tech/comp/fnv/ (public domain algorithm). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>

static PyObject *
fnv1a_64(PyObject *module, PyObject *arg)
{
    Py_buffer view;
    if (PyObject_GetBuffer(arg, &view, PyBUF_SIMPLE) < 0) {
        return NULL;
    }
    uint64_t hash = 0xcbf29ce484222325ULL;
    const unsigned char *p = (const unsigned char *)view.buf;
    Py_BEGIN_ALLOW_THREADS
    for (Py_ssize_t i = 0; i < view.len; i++) {
        hash ^= p[i];
        hash *= 0x100000001b3ULL;
    }
    Py_END_ALLOW_THREADS
    PyBuffer_Release(&view);
    return PyLong_FromUnsignedLongLong(hash);
}

static PyMethodDef fasthash_methods[] = {
    {"fnv1a_64", fnv1a_64, METH_O, "fnv1a_64(data, /) -> int\n\nFNV-1a 64-bit hash of a bytes-like object."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef fasthash_module = {
    PyModuleDef_HEAD_INIT, "_fasthash", "FNV-1a hashing in C.", 0, fasthash_methods,
};

PyMODINIT_FUNC
PyInit__fasthash(void)
{
    return PyModule_Create(&fasthash_module);
}
