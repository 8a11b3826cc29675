/**
 * Chromium command-line flags shared by the Playwright journeys and the WebGPU model tests
 * (vitest.webgpu.config.ts). Debian's Chromium exposes SwiftShader's Vulkan as a software WebGPU
 * adapter with WEBGPU_FLAGS; on a machine with a GPU they are harmless.
 */

/** A quiet, sandbox-free browser for CI containers. */
export const QUIET_FLAGS = ['--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** WebGPU on SwiftShader (software Vulkan). */
export const WEBGPU_FLAGS = ['--enable-unsafe-webgpu', '--enable-features=Vulkan', '--use-vulkan=swiftshader', '--use-webgpu-adapter=swiftshader', '--disable-vulkan-surface'];
