package javawc.compositor.render.gles;

import static org.lwjgl.opengles.GLES20.*;

/**
 * The one program the renderer needs: a textured quad whose vertices are given in output
 * pixels, sampled with nearest filtering and written as it is, or with red and blue swapped
 * when the texture's channel order is not the target's (the blend state does "over").
 */
final class ShaderProgram implements AutoCloseable {
    private static final String VERTEX = """
            attribute vec2 position; // output pixels, y down
            attribute vec2 texcoord;
            uniform vec2 targetSize;
            varying vec2 uv;
            void main() {
                uv = texcoord;
                gl_Position = vec4(position / targetSize * 2.0 - 1.0, 0.0, 1.0);
            }
            """;
    private static final String FRAGMENT = """
            #ifdef GL_FRAGMENT_PRECISION_HIGH
            precision highp float;
            #else
            precision mediump float;
            #endif
            uniform sampler2D tex;
            uniform bool swapRedBlue; // the texture's and the target's channel orders differ
            varying vec2 uv;
            void main() {
                vec4 c = texture2D(tex, uv);
                gl_FragColor = swapRedBlue ? c.bgra : c;
            }
            """;

    final int program, position, texcoord, targetSize, swapRedBlue;

    ShaderProgram() throws GlesException {
        int vs = compile(GL_VERTEX_SHADER, VERTEX), fs = compile(GL_FRAGMENT_SHADER, FRAGMENT);
        program = glCreateProgram();
        glAttachShader(program, vs);
        glAttachShader(program, fs);
        glLinkProgram(program);
        glDeleteShader(vs);
        glDeleteShader(fs);
        if (glGetProgrami(program, GL_LINK_STATUS) == GL_FALSE) {
            String log = glGetProgramInfoLog(program);
            glDeleteProgram(program);
            throw new GlesException("cannot link the shader program: " + log);
        }
        position = glGetAttribLocation(program, "position");
        texcoord = glGetAttribLocation(program, "texcoord");
        targetSize = glGetUniformLocation(program, "targetSize");
        swapRedBlue = glGetUniformLocation(program, "swapRedBlue");
        glUseProgram(program);
        glUniform1i(glGetUniformLocation(program, "tex"), 0);
    }

    private static int compile(int type, String source) throws GlesException {
        int shader = glCreateShader(type);
        glShaderSource(shader, source);
        glCompileShader(shader);
        if (glGetShaderi(shader, GL_COMPILE_STATUS) == GL_FALSE) {
            String log = glGetShaderInfoLog(shader);
            glDeleteShader(shader);
            throw new GlesException("cannot compile a shader: " + log);
        }
        return shader;
    }

    @Override
    public void close() {
        glDeleteProgram(program);
    }
}
