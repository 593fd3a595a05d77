package org.cajal.explain.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The ONNX file of a trained DL4J layer stack, loaded by ONNX Runtime, predicts what DL4J predicts; Debian's
 * python3-onnx checker accepts it; a layer ONNX export does not cover is refused by name.
 */
class OnnxNetworkTest {

    private static MultiLayerNetwork trained(Activation output, int outputs, LossFunctions.LossFunction loss) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(3).updater(new Adam(0.05))
                .dataType(DataType.FLOAT).list()
                .layer(new DenseLayer.Builder().nIn(5).nOut(8).activation(Activation.RELU).build())
                .layer(new BatchNormalization.Builder().nOut(8).build())
                .layer(new DropoutLayer.Builder(0.5).build())
                .layer(new DenseLayer.Builder().nOut(6).activation(Activation.TANH).build())
                .layer(new DenseLayer.Builder().nOut(6).activation(Activation.LEAKYRELU).build())
                .layer(new DenseLayer.Builder().nOut(4).activation(Activation.SIGMOID).build())
                .layer(new OutputLayer.Builder(loss).nOut(outputs).activation(output).build())
                .setInputType(org.deeplearning4j.nn.conf.inputs.InputType.feedForward(5)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        INDArray x = Nd4j.rand(DataType.FLOAT, 64, 5).mul(3).sub(1);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 64, outputs);
        for (int i = 0; i < 64; i++) {
            double v = 2 * x.getDouble(i, 0) + x.getDouble(i, 1);
            if (output == Activation.SOFTMAX) {
                y.putScalar(i, v < 0 ? 0 : v < 2 ? 1 : 2, 1);
            } else {
                y.putScalar(i, 0, v);
            }
        }
        for (int i = 0; i < 30; i++) {
            net.fit(x, y); // moves the batch-norm running statistics away from 0 and 1
        }
        return net;
    }

    private static List<String> names(MultiLayerNetwork net) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < net.getLayers().length; i++) {
            out.add(i + " (layer)");
        }
        return out;
    }

    static float[][] runOnnx(byte[] model, float[][] input) throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(model, new OrtSession.SessionOptions());
             OnnxTensor tensor = OnnxTensor.createTensor(env, input);
             OrtSession.Result result = session.run(Map.of(OnnxNetwork.INPUT, tensor))) {
            return (float[][]) result.get(0).getValue();
        }
    }

    @Test
    void onnxRuntimePredictsWhatDl4jPredicts() throws Exception {
        for (MultiLayerNetwork net : List.of(trained(Activation.SOFTMAX, 3, LossFunctions.LossFunction.MCXENT),
                trained(Activation.IDENTITY, 1, LossFunctions.LossFunction.MSE))) {
            byte[] model = OnnxNetwork.write(net, names(net), "test");
            INDArray x = Nd4j.rand(DataType.FLOAT, 40, 5).mul(4).sub(2);
            float[][] expected = net.output(x, false).toFloatMatrix();
            float[][] got = runOnnx(model, x.toFloatMatrix());
            assertEquals(expected.length, got.length);
            double worst = 0;
            for (int i = 0; i < expected.length; i++) {
                for (int k = 0; k < expected[i].length; k++) {
                    worst = Math.max(worst, Math.abs(expected[i][k] - got[i][k]));
                }
            }
            assertTrue(worst < 1e-5, "largest difference between ONNX Runtime and DL4J: " + worst);
        }
    }

    @Test
    void aConvolutionalNetworkPredictsInOnnxRuntimeWhatDl4jPredicts() throws Exception {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(5).dataType(DataType.FLOAT).list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(4).convolutionMode(ConvolutionMode.Same)
                        .activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(3).stride(2, 2).padding(1, 1)
                        .convolutionMode(ConvolutionMode.Truncate).activation(Activation.TANH).build())
                .layer(new SubsamplingLayer.Builder(PoolingType.AVG).kernelSize(2, 2).stride(1, 1)
                        .convolutionMode(ConvolutionMode.Same).build())
                .layer(new DenseLayer.Builder().nOut(5).activation(Activation.SIGMOID).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(org.deeplearning4j.nn.conf.inputs.InputType.convolutional(9, 9, 2)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        INDArray x = Nd4j.rand(DataType.FLOAT, 6, 2, 9, 9).mul(2).sub(1);
        float[][] expected = net.output(x, false).toFloatMatrix();
        byte[] model = OnnxNetwork.write(net, names(net), List.of(2L, 9L, 9L), "test");
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        float[][] got;
        try (OrtSession session = env.createSession(model, new OrtSession.SessionOptions());
             OnnxTensor tensor = OnnxTensor.createTensor(env, java.nio.FloatBuffer.wrap(x.dup('c').data()
                     .asFloat()), new long[] {6, 2, 9, 9});
             OrtSession.Result result = session.run(Map.of(OnnxNetwork.INPUT, tensor))) {
            got = (float[][]) result.get(0).getValue();
        }
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            for (int k = 0; k < expected[i].length; k++) {
                worst = Math.max(worst, Math.abs(expected[i][k] - got[i][k]));
            }
        }
        assertTrue(worst < 1e-5, "largest difference between ONNX Runtime and DL4J: " + worst);
    }

    @Test
    void debiansOnnxCheckerAcceptsTheFile(@TempDir Path dir) throws Exception {
        Path python = Path.of("/usr/bin/python3");
        assumeTrue(Files.isExecutable(python), "Debian's python3 is not installed");
        assumeTrue(run(python, "-c", "import onnx") == 0, "Debian's python3-onnx is not installed");
        MultiLayerNetwork net = trained(Activation.SOFTMAX, 3, LossFunctions.LossFunction.MCXENT);
        Path file = Files.write(dir.resolve("model.onnx"), OnnxNetwork.write(net, names(net), "test"));
        assertEquals(0, run(python, "-c", "import onnx, sys; onnx.checker.check_model(onnx.load(sys.argv[1]), "
                + "full_check=True)", file.toString()), "onnx.checker.check_model on " + file);
    }

    private static int run(Path python, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(python.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).inheritIO().start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "python did not finish");
        return p.exitValue();
    }

    @Test
    void aRecurrentLayerIsRefusedByName() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().list()
                .layer(new LSTM.Builder().nIn(3).nOut(4).build())
                .layer(new OutputLayer.Builder().nOut(2).activation(Activation.SOFTMAX).build())
                .setInputType(org.deeplearning4j.nn.conf.inputs.InputType.recurrent(3)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        ExportException e = assertThrows(ExportException.class,
                () -> OnnxNetwork.write(net, List.of("0 (lstm)", "1 (output)"), "test"));
        assertTrue(e.getMessage().contains("0 (lstm)"), e.getMessage());
        assertTrue(e.getMessage().contains("dense"), e.getMessage());
    }
}
