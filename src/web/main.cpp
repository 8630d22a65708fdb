// main.cpp — the browser app: a WebGL2 canvas that fills the window, ImGui through Emscripten's
// GLFW emulation, the main loop, HiDPI and resizes, and the page API's C side (api.js is the JS
// side). This folder is the only place that includes emscripten.h.
//
// HiDPI: Emscripten 3.1.6's GLFW ignores devicePixelRatio, so each frame this file sizes the
// canvas backing store to its CSS size × devicePixelRatio and runs ImGui in framebuffer pixels
// (mouse positions from GLFW are already in canvas pixels); fonts and style are scaled instead.
// Does NOT hold any lens logic: that is src/ui (drawing) and src/core (everything else).
#include <GLES3/gl3.h>  // glViewport, glClear
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>  // emscripten_get_device_pixel_ratio, canvas sizing
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <cmath>  // std::lround

#include "core/version.h"
#include "ui/ui.h"

// JS side (src/web/api.js): window.proxinum and the loading / error messages of the page.
EM_JS(void, px_js_started, (const char* version), { Module.pxStarted(UTF8ToString(version)); });
EM_JS(void, px_js_ready, (), { Module.pxReady(); });
EM_JS(void, px_js_state, (const char* lens, const char* lang),
      { Module.pxState(UTF8ToString(lens), UTF8ToString(lang)); });
EM_JS(void, px_js_fatal, (const char* reason), { Module.pxFatal(UTF8ToString(reason)); });

namespace {
constexpr const char* kCanvas = "#canvas";

struct App {
    GLFWwindow* window = nullptr;
    px::ui::UiState ui;
    int fb_w = 0, fb_h = 0;
    float dpr = 0.0f;
    int frames = 0;
};
App g_app;

// Keeps the canvas backing store at CSS size × devicePixelRatio; reloads fonts when DPR changes.
void fit_canvas(App& app) {
    double css_w = 0, css_h = 0;
    emscripten_get_element_css_size(kCanvas, &css_w, &css_h);
    const float dpr = static_cast<float>(emscripten_get_device_pixel_ratio());
    const int fb_w = static_cast<int>(std::lround(css_w * dpr));
    const int fb_h = static_cast<int>(std::lround(css_h * dpr));
    if (fb_w != app.fb_w || fb_h != app.fb_h) {
        emscripten_set_canvas_element_size(kCanvas, fb_w > 0 ? fb_w : 1, fb_h > 0 ? fb_h : 1);
        app.fb_w = fb_w;
        app.fb_h = fb_h;
    }
    if (dpr != app.dpr) {
        app.dpr = dpr;
        app.ui.scale = dpr;
        px::ui::load_fonts(app.ui.scale);
        px::ui::apply_theme(app.ui.scale);
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
}

void publish_state(const App& app) {
    px_js_state(px::ui::lens_code(app.ui.lens), px::lang_code(app.ui.lang));
}

void frame() {
    App& app = g_app;
    fit_canvas(app);
    glfwPollEvents();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(app.fb_w), static_cast<float>(app.fb_h));
    io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);

    ImGui::NewFrame();
    const px::ui::Intents in = px::ui::frame(app.ui);
    ImGui::Render();
    if (in.lens_changed || in.lang_changed) publish_state(app);

    glViewport(0, 0, app.fb_w, app.fb_h);
    glClearColor(0.91f, 0.933f, 0.957f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

    // ImGui sizes auto-fitting windows on their first frame and shows them on the second:
    // the picture is complete at the end of frame 2.
    if (++app.frames == 2) px_js_ready();
}
}  // namespace

// Page API entry points (called from api.js through ccall).
extern "C" {
EMSCRIPTEN_KEEPALIVE int px_set_lens(const char* code) {
    px::ui::Lens lens;
    if (!px::ui::lens_from_code(code, lens)) return 0;
    g_app.ui.lens = lens;
    g_app.ui.show_welcome = false;
    publish_state(g_app);
    return 1;
}

EMSCRIPTEN_KEEPALIVE int px_set_lang(const char* code) {
    if (code == nullptr || (code[0] != 'f' && code[0] != 'e')) return 0;
    g_app.ui.lang = px::lang_from_code(code);
    publish_state(g_app);
    return 1;
}
}

int main() {
    px_js_started(px::version());
    if (!glfwInit()) {
        px_js_fatal("glfw");
        return 1;
    }
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    double css_w = 0, css_h = 0;
    emscripten_get_element_css_size(kCanvas, &css_w, &css_h);
    g_app.window = glfwCreateWindow(css_w > 1 ? static_cast<int>(css_w) : 1280,
                                    css_h > 1 ? static_cast<int>(css_h) : 800, "Proxinum",
                                    nullptr, nullptr);
    if (g_app.window == nullptr) {
        px_js_fatal("webgl2");  // no WebGL2 context: the page explains what to do
        return 1;
    }
    glfwMakeContextCurrent(g_app.window);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // nothing written behind the user's back
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ImGui_ImplGlfw_InitForOpenGL(g_app.window, true);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    fit_canvas(g_app);  // fonts, theme and canvas size before the first frame
    publish_state(g_app);

    emscripten_set_main_loop(frame, 0, false);
    return 0;
}
