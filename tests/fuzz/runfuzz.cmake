# SPDX-License-Identifier: GPL-3.0-or-later
# Runs one libFuzzer target for SECONDS on a fresh copy of its seed corpus. A crash, a leak, an
# assertion of the target or a run over the time or memory limit fails the test; libFuzzer prints
# the input that did it (crash-* under WORK), which becomes a regression seed once fixed.
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK}/corpus)
file(GLOB seeds ${SEEDS}/*)
file(COPY ${seeds} DESTINATION ${WORK}/corpus)
execute_process(
    COMMAND ${FUZZER} ${WORK}/corpus -dict=${DICT} -max_total_time=${SECONDS} -timeout=10
            -rss_limit_mb=2048 -max_len=65536 -artifact_prefix=${WORK}/ -print_final_stats=1
    WORKING_DIRECTORY ${WORK}
    RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${FUZZER} failed (exit ${rc}); the input is under ${WORK}")
endif()
