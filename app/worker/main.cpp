#include "kernel/workerloop.h"

int main(int argc, char *argv[])
{
    return wordrace::runWorker(argc, argv);
}
