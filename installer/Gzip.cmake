# cmake -DINPUT=file -DOUTPUT=file.gz -P Gzip.cmake: compressed as Debian wants it (-9, no name, no time stamp).
execute_process(COMMAND gzip -9n -c "${INPUT}" OUTPUT_FILE "${OUTPUT}" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "gzip failed on ${INPUT}")
endif()
