// Runs a fuzz target's LLVMFuzzerTestOneInput once over every file it is given, or every file of the folders it is
// given: how ctest replays the checked-in corpora in the ordinary (and the sanitizer) build, where libFuzzer's own
// main is not linked. Flags in libFuzzer's style (-runs=...) are ignored, so a crash's command line works here too.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);
extern "C" __attribute__((weak)) int LLVMFuzzerInitialize(int* argc, char*** argv);

namespace {

std::vector<std::filesystem::path> inputsOf(const std::filesystem::path& path)
{
    std::vector<std::filesystem::path> files;
    if (std::filesystem::is_directory(path)) {
        for (const auto& entry : std::filesystem::recursive_directory_iterator(path)) {
            if (entry.is_regular_file())
                files.push_back(entry.path());
        }
        std::sort(files.begin(), files.end());
    } else {
        files.push_back(path);
    }
    return files;
}

} // namespace

int main(int argc, char** argv)
{
    if (LLVMFuzzerInitialize)
        LLVMFuzzerInitialize(&argc, &argv);
    std::vector<std::filesystem::path> files;
    for (int i = 1; i < argc; ++i) {
        const std::string argument = argv[i];
        if (argument.starts_with('-'))
            continue;
        if (!std::filesystem::exists(argument)) {
            std::fprintf(stderr, "%s: no such file or folder\n", argument.c_str());
            return 2;
        }
        const auto found = inputsOf(argument);
        files.insert(files.end(), found.begin(), found.end());
    }
    if (files.empty()) {
        std::fprintf(stderr, "usage: %s FILE_OR_FOLDER...: runs the fuzz target over each input once\n", argv[0]);
        return 2;
    }
    const auto start = std::chrono::steady_clock::now();
    for (const auto& file : files) {
        std::ifstream in(file, std::ios::binary);
        const std::vector<char> bytes {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        // A heap copy of exactly the input's size, so that ASan catches a read past its end as libFuzzer would.
        const auto input = std::make_unique<std::uint8_t[]>(bytes.size());
        std::copy(bytes.begin(), bytes.end(), input.get());
        LLVMFuzzerTestOneInput(input.get(), bytes.size());
    }
    const auto ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
    std::printf("%zu inputs replayed in %lld ms\n", files.size(), static_cast<long long>(ms));
    return 0;
}
