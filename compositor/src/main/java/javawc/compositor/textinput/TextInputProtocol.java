package javawc.compositor.textinput;

import javawc.compositor.ProtocolContext;
import javawc.compositor.security.Privilege;
import javawc.server.Global;
import javawc.server.protocol.WlSeat;
import javawc.server.protocol.ZwpInputMethodManagerV2;
import javawc.server.protocol.ZwpInputMethodV2;
import javawc.server.protocol.ZwpTextInputManagerV1;
import javawc.server.protocol.ZwpTextInputManagerV3;
import javawc.server.protocol.ZwpTextInputV1;
import javawc.server.protocol.ZwpTextInputV3;

/**
 * Text input and input methods: zwp_text_input_manager_v3 (foot, GTK, Qt), zwp_text_input_manager_v1
 * (weston-editor) and zwp_input_method_manager_v2 (the input method, one per seat), all meeting
 * in the seat's {@link InputMethodRelay}.
 */
public final class TextInputProtocol {
    public static final int TEXT_INPUT_V3_VERSION = 1, TEXT_INPUT_V1_VERSION = 1, INPUT_METHOD_VERSION = 1;

    private TextInputProtocol() {}

    public static AutoCloseable install(ProtocolContext c) {
        InputMethodRelay relay = new InputMethodRelay(c.seat(), c.scene());
        c.globals().add(ZwpTextInputManagerV3.SPEC, TEXT_INPUT_V3_VERSION, ZwpTextInputManagerV3::new, r -> r.setHandler(new ZwpTextInputManagerV3.Handler() {
            @Override
            public void destroy(ZwpTextInputManagerV3 self) {
                // destructor; its text inputs live on
            }

            @Override
            public void getTextInput(ZwpTextInputManagerV3 self, ZwpTextInputV3 id, WlSeat seat) {
                new TextInputV3Field(id, relay); // the one seat
            }
        }));
        c.globals().add(ZwpTextInputManagerV1.SPEC, TEXT_INPUT_V1_VERSION, ZwpTextInputManagerV1::new,
                r -> r.setHandler((self, id) -> new TextInputV1Field(id, relay)));
        Global inputMethods = c.globals().add(ZwpInputMethodManagerV2.SPEC, INPUT_METHOD_VERSION, ZwpInputMethodManagerV2::new, r -> r.setHandler(new ZwpInputMethodManagerV2.Handler() {
            @Override
            public void getInputMethod(ZwpInputMethodManagerV2 self, WlSeat seat, ZwpInputMethodV2 inputMethod) {
                new InputMethod(inputMethod, relay);
            }

            @Override
            public void destroy(ZwpInputMethodManagerV2 self) {
                // destructor; the input methods it made live on
            }
        }));
        c.privileges().restrict(inputMethods, Privilege.INPUT_METHOD); // an input method reads every key and types into every client
        return null;
    }
}
