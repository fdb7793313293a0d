/* cppcheck.h - what cppcheck needs of jansson's iteration macros (it does
 * not read system headers): forced in by `make lint`. */
#define json_array_foreach(array, index, value)                               \
	for ((index) = 0; ((value) = json_array_get((array), (index))); (index)++)
#define json_object_foreach(object, key, value)                               \
	for ((key) = json_object_iter_key(json_object_iter(object));          \
	     (key) && ((value) = json_object_iter_value(json_object_iter(object))); \
	     (key) = NULL)
