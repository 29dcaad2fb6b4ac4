# Thin wrapper over CMake.  `make play` and `make test` set everything up on
# a fresh Debian machine: missing packages, configure, build.
BUILD    ?= build
TYPE     ?= RelWithDebInfo
WERROR   ?= OFF
CMAKEFLAGS ?=

.PHONY: all deps configure build play test bench asan fuzz clean install deb

all: build

deps:
	@sh scripts/deps.sh

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=$(TYPE) -DRECOUP_WERROR=$(WERROR) $(CMAKEFLAGS)

configure: deps $(BUILD)/CMakeCache.txt

build: configure
	cmake --build $(BUILD) -j2

play: build
	$(BUILD)/recoup play

test: build
	ctest --test-dir $(BUILD) --output-on-failure -j2

bench: build
	cmake --build $(BUILD) --target recoup-bench -j2
	$(BUILD)/recoup-bench
	sh bench/startup.sh $(BUILD) $(OLD)
	sh bench/lang.sh $(BUILD)
	sh bench/calibrate.sh $(BUILD)
	sh bench/records.sh $(BUILD) 100000
	sh bench/scale.sh $(BUILD) $(OLD)

asan:
	$(MAKE) test BUILD=build-asan TYPE=Debug CMAKEFLAGS=-DRECOUP_SANITIZE=ON

# The libFuzzer targets (clang), each FUZZ_SECONDS on its seed corpus, in
# build-fuzz; FUZZ_TARGETS picks some ("amount lint").
FUZZ_SECONDS ?= 600
FUZZ_TARGETS ?=
fuzz:
	@sh scripts/deps.sh clang libclang-rt-dev
	sh scripts/fuzz.sh $(FUZZ_SECONDS) $(FUZZ_TARGETS)

install: build
	cmake --install $(BUILD)

# A Debian package (CPack) in $(DEB_BUILD)/recoup_VERSION_ARCH.deb: a
# build of its own, for /usr, with Debian's hardening flags; its
# dependencies are read from the libraries the binary links.
DEB_BUILD ?= build-deb
deb:
	@sh scripts/deps.sh dpkg-dev
	cmake -S . -B $(DEB_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo \
		-DCMAKE_INSTALL_PREFIX=/usr -DBUILD_TESTING=OFF -DRECOUP_WERROR=$(WERROR) \
		-DCMAKE_C_FLAGS="$$(DEB_BUILD_MAINT_OPTIONS=hardening=+all dpkg-buildflags --get CFLAGS) $$(DEB_BUILD_MAINT_OPTIONS=hardening=+all dpkg-buildflags --get CPPFLAGS)" \
		-DCMAKE_EXE_LINKER_FLAGS="$$(DEB_BUILD_MAINT_OPTIONS=hardening=+all dpkg-buildflags --get LDFLAGS)" \
		$(CMAKEFLAGS)
	cmake --build $(DEB_BUILD) -j2
	cd $(DEB_BUILD) && cpack -G DEB
	@ls $(DEB_BUILD)/recoup_*.deb

clean:
	rm -rf build build-asan build-clang build-fuzz build-deb
