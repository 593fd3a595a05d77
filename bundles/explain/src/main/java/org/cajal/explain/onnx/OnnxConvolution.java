package org.cajal.explain.onnx;

import java.util.List;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * 2-D convolution and pooling layers (channels first, NCHW) as ONNX Conv, MaxPool and AveragePool. DL4J's
 * {@code Same} mode pads as ONNX's {@code SAME_UPPER} (the odd pixel at the end); {@code Truncate} and {@code Strict}
 * use the layer's explicit padding on both sides. Weights keep DL4J's layout {@code [out, in, kh, kw]}, which is
 * ONNX's.
 */
final class OnnxConvolution {

    private OnnxConvolution() {
    }

    static void convolution(OnnxNetwork w, Layer layer, ConvolutionLayer c, String name) throws ExportException {
        check(c.getCnn2dDataFormat(), c.getConvolutionMode(), name);
        String weights = w.tensor("W" + w.nodes(), layer.getParam("W"));
        INDArray b = layer.getParam("b");
        List<String> inputs = b == null ? List.of(w.current, weights)
                : List.of(w.current, weights, w.tensor("b" + w.nodes(), b.reshape(b.length())));
        w.node("Conv", inputs, OnnxNetwork.attribute("kernel_shape", c.getKernelSize()),
                OnnxNetwork.attribute("strides", c.getStride()), OnnxNetwork.attribute("dilations", c.getDilation()),
                padding(c.getConvolutionMode(), c.getPadding()));
    }

    static void pooling(OnnxNetwork w, SubsamplingLayer p, String name) throws ExportException {
        check(p.getCnn2dDataFormat(), p.getConvolutionMode(), name);
        boolean max = p.getPoolingType() == PoolingType.MAX;
        if (!max && p.getPoolingType() != PoolingType.AVG) {
            throw new ExportException("layer " + name + " pools by " + p.getPoolingType() + "; ONNX export covers "
                    + "max and mean pooling");
        }
        if (max) {
            w.node("MaxPool", List.of(w.current), OnnxNetwork.attribute("kernel_shape", p.getKernelSize()),
                    OnnxNetwork.attribute("strides", p.getStride()),
                    OnnxNetwork.attribute("dilations", p.getDilation()), padding(p.getConvolutionMode(),
                            p.getPadding()));
        } else {
            w.node("AveragePool", List.of(w.current), OnnxNetwork.attribute("kernel_shape", p.getKernelSize()),
                    OnnxNetwork.attribute("strides", p.getStride()), padding(p.getConvolutionMode(), p.getPadding()),
                    OnnxNetwork.attribute("count_include_pad", p.isAvgPoolIncludePadInDivisor() ? 1 : 0));
        }
    }

    private static void check(CNN2DFormat format, ConvolutionMode mode, String name) throws ExportException {
        if (format != CNN2DFormat.NCHW) {
            throw new ExportException("layer " + name + " takes channels last (NHWC); ONNX export covers channels "
                    + "first");
        }
        if (mode == ConvolutionMode.Causal) {
            throw new ExportException("layer " + name + " pads causally; ONNX export covers same and truncate "
                    + "padding");
        }
    }

    private static onnx.Onnx.AttributeProto padding(ConvolutionMode mode, int[] padding) {
        return mode == ConvolutionMode.Same ? OnnxNetwork.attribute("auto_pad", "SAME_UPPER")
                : OnnxNetwork.attribute("pads", new int[] {padding[0], padding[1], padding[0], padding[1]});
    }
}
