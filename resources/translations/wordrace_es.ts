<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>ChartExporter</name>
    <message>
        <source>Wall time vs CPU time</source>
        <translation>Tiempo real frente a tiempo de CPU</translation>
    </message>
    <message>
        <source>Per-worker timeline</source>
        <translation>Cronograma por trabajador</translation>
    </message>
    <message>
        <source>Where the time went</source>
        <translation>En qué se fue el tiempo</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source> · 1 worker</source>
        <translation> · 1 trabajador</translation>
    </message>
    <message>
        <source> · %1 workers</source>
        <translation> · %1 trabajadores</translation>
    </message>
    <message>
        <source>No tasks were recorded.</source>
        <translation>No se registró ninguna tarea.</translation>
    </message>
    <message>
        <source>No runs to show.</source>
        <translation>No hay ejecuciones que mostrar.</translation>
    </message>
    <message>
        <source>%1: unknown format; use a name ending in .png, .svg or .pdf</source>
        <translation>%1: formato desconocido; use un nombre terminado en .png, .svg o .pdf</translation>
    </message>
    <message>
        <source>%1x%2 is not a size WordRace can draw (1 to %3 pixels a side)</source>
        <translation>%1x%2 no es un tamaño que WordRace pueda dibujar (de 1 a %3 píxeles por lado)</translation>
    </message>
    <message>
        <source>not enough memory for a %1x%2 image</source>
        <translation>no hay memoria suficiente para una imagen de %1x%2</translation>
    </message>
    <message>
        <source>Made by WordRace %1</source>
        <translation>Hecho con WordRace %1</translation>
    </message>
    <message>
        <source>cannot start an SVG drawing for %1</source>
        <translation>no se puede empezar un dibujo SVG para %1</translation>
    </message>
    <message>
        <source>cannot start a PDF for %1</source>
        <translation>no se puede empezar un PDF para %1</translation>
    </message>
</context>
<context>
    <name>DataExport</name>
    <message>
        <source>JSON (everything, as wordrace-cli run --json)</source>
        <translation>JSON (todo, como wordrace-cli run --json)</translation>
    </message>
    <message>
        <source>CSV, a row per run</source>
        <translation>CSV, una fila por ejecución</translation>
    </message>
    <message>
        <source>CSV, a row per task</source>
        <translation>CSV, una fila por tarea</translation>
    </message>
    <message>
        <source>Markdown report</source>
        <translation>Informe en Markdown</translation>
    </message>
    <message>
        <source>Chrome trace (Perfetto)</source>
        <translation>Traza de Chrome (Perfetto)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>About WordRace</source>
        <translation>Acerca de WordRace</translation>
    </message>
    <message>
        <source>&lt;h3&gt;WordRace %1&lt;/h3&gt;&lt;p&gt;Counts words three ways: in one sequential loop, on a pool of threads and on worker processes, and shows what each costs.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Wall vs CPU&lt;/b&gt;: the wall time is what the clock on the wall says; the CPU time is what the cores spent. The dashed mark is the CPU of the parent process alone: all that Python&apos;s %time shows, which is why Pool.map seems to use so little CPU.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Timeline&lt;/b&gt;: one lane per worker, one bar per task. Wheel or +/− zooms, drag or Shift+arrows pan, Home shows everything; Up and Down pick a row, Left and Right read its tasks. In every chart, Tab and the arrow keys read each mark&apos;s numbers.&lt;/p&gt;&lt;p&gt;F5 runs, Esc cancels, F11 switches to presentation mode.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;WordRace %1&lt;/h3&gt;&lt;p&gt;Cuenta palabras de tres maneras: en un bucle secuencial, en un grupo de hilos y en procesos trabajadores, y muestra lo que cuesta cada una.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Tiempo real frente a CPU&lt;/b&gt;: el tiempo real es lo que marca el reloj de la pared; el tiempo de CPU es lo que gastaron los núcleos. La marca discontinua es la CPU del proceso padre solo: todo lo que muestra el %time de Python, y por eso Pool.map parece usar tan poca CPU.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Cronograma&lt;/b&gt;: un carril por trabajador, una barra por tarea. La rueda o +/− acercan, arrastrar o Mayús+flechas desplazan, Inicio lo muestra todo; Arriba y Abajo eligen una fila, Izquierda y Derecha leen sus tareas. En cada gráfico, Tab y las flechas leen las cifras de cada marca.&lt;/p&gt;&lt;p&gt;F5 ejecuta, Esc cancela, F11 pasa al modo presentación.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>&lt;h2&gt;What the numbers mean&lt;/h2&gt;&lt;p&gt;&lt;b&gt;Wall time&lt;/b&gt;: the steady clock from the first task handed out to the last worker gone, starting the workers included: the lesson&apos;s setup overhead is in it, never hidden.&lt;/p&gt;&lt;p&gt;&lt;b&gt;CPU time&lt;/b&gt; (user + system): the parent&apos;s engine threads plus every worker. For threads the workers are inside the parent, so its CPU holds them; for processes each worker&apos;s own CPU is added. The totals come from the kernel&apos;s exact per-thread and per-process clocks.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Parent CPU&lt;/b&gt;: only what the parent process spent. This is what the lesson&apos;s &lt;tt&gt;%time&lt;/tt&gt; showed, and why &lt;tt&gt;Pool.map&lt;/tt&gt; seemed to use less CPU than it did: the workers&apos; CPU was not counted. For processes WordRace shows both.&lt;/p&gt;&lt;p&gt;&lt;b&gt;CPU/wall&lt;/b&gt;: how many cores were busy on average. Above 1 only when work ran in parallel; near 1 for one worker at a time.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Speed-up&lt;/b&gt; S(N) = sequential wall ÷ wall with N workers; &lt;b&gt;efficiency&lt;/b&gt; E(N) = S(N) ÷ N. The Scaling tab fits Amdahl&apos;s law to the points and says how much of the work stayed serial.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Repeated runs&lt;/b&gt;: the bars show the median; the whiskers the fastest and slowest run. The timeline shows each mode&apos;s median run.&lt;/p&gt;&lt;p&gt;&lt;b&gt;The timeline&lt;/b&gt;: one lane per worker, one bar per task, in the mode&apos;s colour while it computes. Yellow is waiting for I/O, dark is waiting for the (emulated) GIL, orange is receiving bytes through a pipe. The thin grey bar before the first task is start-up, after the last the gathering of results; a hatched stretch is the stopping after a Cancel. Under the lanes: each CPU core&apos;s use and each process&apos;s memory, as the sampler read them.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Where the time went&lt;/b&gt;: each run&apos;s wall time split into start-up, transfer, compute, I/O, GIL wait, gather and idle, summed over the workers.&lt;/p&gt;&lt;p&gt;&lt;b&gt;⚠&lt;/b&gt; marks a number that should not be believed: a speed-up the machine cannot give, counting that ran slowly, a cold first run, or another program taking the CPU (a busy machine). Hover over the mark for the reason, and run again.&lt;/p&gt;&lt;p&gt;Every figure is measured, never adjusted; every mode is measured from the same start, in an order that does not favour any of them. Hover over any bar, segment, point or lane for its numbers.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Qué significan los números&lt;/h2&gt;&lt;p&gt;&lt;b&gt;Tiempo real&lt;/b&gt;: el reloj monótono desde la primera tarea repartida hasta que se va el último trabajador, incluido el arranque de los trabajadores: el coste de preparación de la lección está dentro, nunca oculto.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Tiempo de CPU&lt;/b&gt; (usuario + sistema): los hilos del motor del padre más cada trabajador. Con hilos, los trabajadores están dentro del padre, así que su CPU los incluye; con procesos se suma la CPU propia de cada trabajador. Los totales salen de los relojes exactos del núcleo por hilo y por proceso.&lt;/p&gt;&lt;p&gt;&lt;b&gt;CPU del padre&lt;/b&gt;: solo lo que gastó el proceso padre. Es lo que mostraba el &lt;tt&gt;%time&lt;/tt&gt; de la lección, y por qué &lt;tt&gt;Pool.map&lt;/tt&gt; parecía usar menos CPU de la que usaba: la CPU de los trabajadores no se contaba. Con procesos WordRace muestra ambas.&lt;/p&gt;&lt;p&gt;&lt;b&gt;CPU/real&lt;/b&gt;: cuántos núcleos estuvieron ocupados de media. Por encima de 1 solo cuando el trabajo se hizo en paralelo; cerca de 1 con un trabajador cada vez.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Aceleración&lt;/b&gt; S(N) = tiempo real secuencial ÷ tiempo real con N trabajadores; &lt;b&gt;eficiencia&lt;/b&gt; E(N) = S(N) ÷ N. La pestaña Escalado ajusta la ley de Amdahl a los puntos y dice qué parte del trabajo siguió siendo secuencial.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Ejecuciones repetidas&lt;/b&gt;: las barras muestran la mediana; los bigotes, la ejecución más rápida y la más lenta. El cronograma muestra la ejecución mediana de cada modo.&lt;/p&gt;&lt;p&gt;&lt;b&gt;El cronograma&lt;/b&gt;: un carril por trabajador, una barra por tarea, del color del modo mientras calcula. El amarillo es esperar E/S, el oscuro es esperar el GIL (emulado), el naranja es recibir bytes por una tubería. La barra gris fina antes de la primera tarea es el arranque; después de la última, la recogida de resultados; un tramo rayado es la parada tras Cancelar. Bajo los carriles: el uso de cada núcleo y la memoria de cada proceso, tal como los leyó el muestreador.&lt;/p&gt;&lt;p&gt;&lt;b&gt;En qué se fue el tiempo&lt;/b&gt;: el tiempo real de cada ejecución repartido en arranque, transferencia, cálculo, E/S, espera del GIL, recogida e inactividad, sumado sobre los trabajadores.&lt;/p&gt;&lt;p&gt;&lt;b&gt;⚠&lt;/b&gt; marca un número que no hay que creerse: una aceleración que la máquina no puede dar, un recuento que fue lento, una primera ejecución en frío u otro programa ocupando la CPU (una máquina ocupada). Pase el ratón por la marca para ver el motivo, y vuelva a ejecutar.&lt;/p&gt;&lt;p&gt;Cada cifra se mide, nunca se ajusta; cada modo se mide desde el mismo punto de partida, en un orden que no favorece a ninguno. Pase el ratón por cualquier barra, segmento, punto o carril para ver sus números.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>What the Numbers Mean</source>
        <translation>Qué significan los números</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Ejecutar</translation>
    </message>
    <message>
        <source>Count the words in every mode ticked</source>
        <translation>Contar las palabras en cada modo marcado</translation>
    </message>
    <message>
        <source>Run &amp;Once</source>
        <translation>Ejecutar &amp;una vez</translation>
    </message>
    <message>
        <source>Count once in every mode ticked: no warm-up, one measured run each</source>
        <translation>Contar una vez en cada modo marcado: sin calentamiento, una ejecución medida en cada uno</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancelar</translation>
    </message>
    <message>
        <source>Stop the run; the modes already finished stay</source>
        <translation>Detener la ejecución; los modos ya terminados se quedan</translation>
    </message>
    <message>
        <source>&amp;Open Text File…</source>
        <translation>&amp;Abrir archivo de texto…</translation>
    </message>
    <message>
        <source>Count the words of a text file</source>
        <translation>Contar las palabras de un archivo de texto</translation>
    </message>
    <message>
        <source>&amp;Export Chart…</source>
        <translation>E&amp;xportar gráfico…</translation>
    </message>
    <message>
        <source>Save a chart as PNG, SVG or PDF</source>
        <translation>Guardar un gráfico como PNG, SVG o PDF</translation>
    </message>
    <message>
        <source>Copy Chart &amp;Image</source>
        <translation>Copiar &amp;imagen del gráfico</translation>
    </message>
    <message>
        <source>Copy the chart with the keyboard focus (or wall vs CPU) to the clipboard</source>
        <translation>Copiar al portapapeles el gráfico que tiene el foco del teclado (o el de tiempo real frente a CPU)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Quit WordRace, stopping any run</source>
        <translation>Salir de WordRace, deteniendo cualquier ejecución</translation>
    </message>
    <message>
        <source>&amp;Presentation</source>
        <translation>&amp;Presentación</translation>
    </message>
    <message>
        <source>Full screen, big type and only what a demo needs</source>
        <translation>Pantalla completa, letra grande y solo lo que necesita una demostración</translation>
    </message>
    <message>
        <source>Lesson &amp;Walkthrough</source>
        <translation>&amp;Recorrido de la lección</translation>
    </message>
    <message>
        <source>The lesson&apos;s experiments as slides: the class predicts, the run shows, the measured answer in one line; a clicker&apos;s PageDown goes on</source>
        <translation>Los experimentos de la lección como diapositivas: la clase predice, la ejecución lo muestra, la respuesta medida en una línea; el AvPág de un mando de presentación avanza</translation>
    </message>
    <message>
        <source>Zoom &amp;In Timeline</source>
        <translation>&amp;Acercar cronograma</translation>
    </message>
    <message>
        <source>Show less time, in more detail</source>
        <translation>Mostrar menos tiempo, con más detalle</translation>
    </message>
    <message>
        <source>Zoom &amp;Out Timeline</source>
        <translation>A&amp;lejar cronograma</translation>
    </message>
    <message>
        <source>Show more time</source>
        <translation>Mostrar más tiempo</translation>
    </message>
    <message>
        <source>&amp;Whole Timeline</source>
        <translation>Cronograma &amp;completo</translation>
    </message>
    <message>
        <source>Show every run from start to end</source>
        <translation>Mostrar todas las ejecuciones de principio a fin</translation>
    </message>
    <message>
        <source>&amp;About WordRace</source>
        <translation>&amp;Acerca de WordRace</translation>
    </message>
    <message>
        <source>What WordRace is and how to read its charts</source>
        <translation>Qué es WordRace y cómo leer sus gráficos</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Acerca de &amp;Qt</translation>
    </message>
    <message>
        <source>The Qt version WordRace uses</source>
        <translation>La versión de Qt que usa WordRace</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>Atajos de &amp;teclado</translation>
    </message>
    <message>
        <source>Every key WordRace answers to</source>
        <translation>Todas las teclas a las que responde WordRace</translation>
    </message>
    <message>
        <source>What the &amp;Numbers Mean</source>
        <translation>Qué significan los &amp;números</translation>
    </message>
    <message>
        <source>What wall time, CPU time, speed-up and each mark are measured from</source>
        <translation>De qué se miden el tiempo real, el tiempo de CPU, la aceleración y cada marca</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Claro</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Oscuro</translation>
    </message>
    <message>
        <source>&amp;Projector (big, high contrast)</source>
        <translation>&amp;Proyector (grande, alto contraste)</translation>
    </message>
    <message>
        <source>Use the %1 colours and type sizes</source>
        <translation>Usar los colores y tamaños de letra de %1</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Cancel the run; with nothing running, leave presentation</source>
        <translation>Cancelar la ejecución; sin nada en marcha, salir de la presentación</translation>
    </message>
    <message>
        <source>PageDown, Right, Space</source>
        <translation>AvPág, Derecha, Espacio</translation>
    </message>
    <message>
        <source>Walkthrough: run the step, then the next step</source>
        <translation>Recorrido: ejecutar el paso y luego pasar al siguiente</translation>
    </message>
    <message>
        <source>PageUp, Left</source>
        <translation>RePág, Izquierda</translation>
    </message>
    <message>
        <source>Walkthrough: back</source>
        <translation>Recorrido: atrás</translation>
    </message>
    <message>
        <source>1-9</source>
        <translation>1-9</translation>
    </message>
    <message>
        <source>Walkthrough: a vote for that answer</source>
        <translation>Recorrido: un voto para esa respuesta</translation>
    </message>
    <message>
        <source>B or .</source>
        <translation>B o .</translation>
    </message>
    <message>
        <source>Walkthrough: blank the screen (any key brings it back)</source>
        <translation>Recorrido: oscurecer la pantalla (cualquier tecla la recupera)</translation>
    </message>
    <message>
        <source>D</source>
        <translation>D</translation>
    </message>
    <message>
        <source>Walkthrough: the numbers behind the answer</source>
        <translation>Recorrido: los números detrás de la respuesta</translation>
    </message>
    <message>
        <source>Ctrl+click</source>
        <translation>Ctrl+clic</translation>
    </message>
    <message>
        <source>History: compare two runs side by side</source>
        <translation>Historial: comparar dos ejecuciones lado a lado</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <source>What they do</source>
        <translation>Qué hacen</translation>
    </message>
    <message>
        <source>Tab, then arrows, Home, End</source>
        <translation>Tab, después flechas, Inicio, Fin</translation>
    </message>
    <message>
        <source>Charts: read each bar, segment or point, as hovering it would</source>
        <translation>Gráficos: leer cada barra, segmento o punto, como al pasar el ratón</translation>
    </message>
    <message>
        <source>Up, Down, then Left, Right</source>
        <translation>Arriba, Abajo, después Izquierda, Derecha</translation>
    </message>
    <message>
        <source>Timeline: pick a row (header, worker, CPU strip), then read its tasks one by one</source>
        <translation>Cronograma: elegir una fila (cabecera, trabajador, franja de CPU) y leer sus tareas una a una</translation>
    </message>
    <message>
        <source>Shift+Left, Shift+Right</source>
        <translation>Mayús+Izquierda, Mayús+Derecha</translation>
    </message>
    <message>
        <source>Timeline: pan</source>
        <translation>Cronograma: desplazar</translation>
    </message>
</context>
<context>
    <name>TimelineData</name>
    <message>
        <source>thread %1</source>
        <translation>hilo %1</translation>
    </message>
    <message>
        <source>worker %1</source>
        <translation>trabajador %1</translation>
    </message>
</context>
<context>
    <name>TimelinePhases</name>
    <message>
        <source>transfer</source>
        <translation>transferencia</translation>
    </message>
    <message>
        <source>I/O wait</source>
        <translation>espera de E/S</translation>
    </message>
    <message>
        <source>GIL wait</source>
        <translation>espera del GIL</translation>
    </message>
    <message>
        <source>compute</source>
        <translation>cálculo</translation>
    </message>
    <message>
        <source>other</source>
        <translation>otro</translation>
    </message>
    <message>
        <source>start-up</source>
        <translation>arranque</translation>
    </message>
    <message>
        <source>gather</source>
        <translation>recogida</translation>
    </message>
</context>
<context>
    <name>TimelineRenderer</name>
    <message>
        <source>1 worker</source>
        <translation>1 trabajador</translation>
    </message>
    <message>
        <source>%1 workers</source>
        <translation>%1 trabajadores</translation>
    </message>
    <message>
        <source>%1 · %2 of %3 tasks · running, %4</source>
        <translation>%1 · %2 de %3 tareas · en marcha, %4</translation>
    </message>
    <message>
        <source>1 task</source>
        <translation>1 tarea</translation>
    </message>
    <message>
        <source>%1 tasks</source>
        <translation>%1 tareas</translation>
    </message>
    <message>
        <source>%1 · %2 · wall %3</source>
        <translation>%1 · %2 · tiempo real %3</translation>
    </message>
    <message>
        <source> · cancelled after %1 of %2 tasks</source>
        <translation> · cancelado tras %1 de %2 tareas</translation>
    </message>
    <message>
        <source>memory (PSS)</source>
        <translation>memoria (PSS)</translation>
    </message>
    <message>
        <source>peak %1</source>
        <translation>pico %1</translation>
    </message>
    <message>
        <source>stopping after Cancel</source>
        <translation>parando tras Cancelar</translation>
    </message>
    <message>
        <source>start-up / gather</source>
        <translation>arranque / recogida</translation>
    </message>
    <message>
        <source>CPU %1</source>
        <translation>CPU %1</translation>
    </message>
    <message>
        <source>CPU 0–%1</source>
        <translation>CPU 0–%1</translation>
    </message>
    <message>
        <source>memory (RSS)</source>
        <translation>memoria (RSS)</translation>
    </message>
    <message>
        <source>top %1</source>
        <translation>máx. %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Start the experiment on launch.</source>
        <translation>Iniciar el experimento al arrancar.</translation>
    </message>
    <message>
        <source>Start in presentation mode: full screen, big type.</source>
        <translation>Arrancar en modo presentación: pantalla completa, letra grande.</translation>
    </message>
    <message>
        <source>Open the lesson walkthrough: the lesson&apos;s experiments as steps of one idea each, driven by a presenter&apos;s clicker (with --presentation: full screen).</source>
        <translation>Abrir el recorrido de la lección: los experimentos de la lección como pasos de una idea cada uno, guiados por el mando del presentador (con --presentation: pantalla completa).</translation>
    </message>
    <message>
        <source>Print the time from launch to the window&apos;s first frame, then quit.</source>
        <translation>Imprimir el tiempo desde el arranque hasta el primer fotograma de la ventana, y salir.</translation>
    </message>
    <message>
        <source>Print the longest GUI-thread stall of each run (with --run: quit when the experiment ends).</source>
        <translation>Imprimir el bloqueo más largo del hilo de la interfaz en cada ejecución (con --run: salir al terminar el experimento).</translation>
    </message>
    <message>
        <source>Counts words sequentially, with threads and with processes, and shows what each way costs.</source>
        <translation>Cuenta palabras secuencialmente, con hilos y con procesos, y muestra lo que cuesta cada manera.</translation>
    </message>
    <message>
        <source>A session (.wordrace.json) to reopen, or a text file to count.</source>
        <translation>Una sesión (.wordrace.json) que reabrir, o un archivo de texto que contar.</translation>
    </message>
</context>
<context>
    <name>wordrace::AmdahlFit</name>
    <message>
        <source>no fit: it needs a point with more than one worker</source>
        <translation>sin ajuste: hace falta un punto con más de un trabajador</translation>
    </message>
    <message>
        <source>serial fraction %1</source>
        <translation>fracción secuencial %1</translation>
    </message>
    <message>
        <source>, each worker beyond the first costs %1% of the sequential time</source>
        <translation>, cada trabajador a partir del primero cuesta un %1% del tiempo secuencial</translation>
    </message>
    <message>
        <source>: never faster than sequential here</source>
        <translation>: nunca más rápido que el secuencial aquí</translation>
    </message>
    <message>
        <source>: no ceiling in sight</source>
        <translation>: sin techo a la vista</translation>
    </message>
    <message>
        <source>: at most %1 times faster, whatever the number of cores</source>
        <translation>: como mucho %1 veces más rápido, sea cual sea el número de núcleos</translation>
    </message>
    <message>
        <source>its 1 point</source>
        <translation>su único punto</translation>
    </message>
    <message>
        <source>its %1 points</source>
        <translation>sus %1 puntos</translation>
    </message>
    <message>
        <source>; one point: the curve meets it by construction, and says nothing more</source>
        <translation>; un solo punto: la curva pasa por él por construcción, y no dice nada más</translation>
    </message>
    <message>
        <source>; fits %1 within %2</source>
        <translation>; se ajusta a %1 con un margen del %2</translation>
    </message>
    <message>
        <source>; misses %1 by up to %2: no model drawn</source>
        <translation>; se aleja de %1 hasta un %2: no se dibuja ningún modelo</translation>
    </message>
</context>
<context>
    <name>wordrace::AppSettings</name>
    <message>
        <source>The saved corpus was not valid (%1); back to the lesson.</source>
        <translation>El corpus guardado no era válido (%1); se vuelve al de la lección.</translation>
    </message>
    <message>
        <source>The last file, %1, is gone; back to the lesson.</source>
        <translation>El último archivo, %1, ya no existe; se vuelve al de la lección.</translation>
    </message>
    <message>
        <source>The saved corpus size was too large; back to the lesson.</source>
        <translation>El tamaño de corpus guardado era demasiado grande; se vuelve al de la lección.</translation>
    </message>
</context>
<context>
    <name>wordrace::ChartExports</name>
    <message>
        <source>Wrote %1</source>
        <translation>Escrito %1</translation>
    </message>
    <message>
        <source>Copied the chart to the clipboard (%1 × %2)</source>
        <translation>Gráfico copiado al portapapeles (%1 × %2)</translation>
    </message>
    <message>
        <source>The chart was not exported.</source>
        <translation>No se exportó el gráfico.</translation>
    </message>
    <message>
        <source>%1

Choose a folder you can write to, check that the disk has free space, and export again.</source>
        <translation>%1

Elija una carpeta en la que pueda escribir, compruebe que queda espacio en el disco y vuelva a exportar.</translation>
    </message>
    <message>
        <source>Export as &amp;PNG…</source>
        <translation>Exportar como &amp;PNG…</translation>
    </message>
    <message>
        <source>Export as &amp;SVG…</source>
        <translation>Exportar como &amp;SVG…</translation>
    </message>
    <message>
        <source>Export as P&amp;DF…</source>
        <translation>Exportar como P&amp;DF…</translation>
    </message>
    <message>
        <source>&amp;Copy Image</source>
        <translation>&amp;Copiar imagen</translation>
    </message>
</context>
<context>
    <name>wordrace::ExperimentPanel</name>
    <message>
        <source>Open…</source>
        <translation>Abrir…</translation>
    </message>
    <message>
        <source>Why the experiment cannot run</source>
        <translation>Por qué no se puede ejecutar el experimento</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>Lección</translation>
    </message>
    <message>
        <source>The lesson&apos;s three lines: “hello world”, “this is another line”, “this is yet another line”</source>
        <translation>Las tres líneas de la lección: «hello world», «this is another line», «this is yet another line»</translation>
    </message>
    <message>
        <source>Nice hat</source>
        <translation>Nice hat</translation>
    </message>
    <message>
        <source>“nice hat / for a clown to wear / to the circus. idiot.”</source>
        <translation>«nice hat / for a clown to wear / to the circus. idiot.»</translation>
    </message>
    <message>
        <source>What to count: a corpus generated in memory by repeating a few lines, or a text file (Open… or drop a file on the window)</source>
        <translation>Qué contar: un corpus generado en memoria repitiendo unas pocas líneas, o un archivo de texto (Abrir… o suelte un archivo en la ventana)</translation>
    </message>
    <message>
        <source>Corpus</source>
        <translation>Corpus</translation>
    </message>
    <message>
        <source>Count the words of a text file instead (Ctrl+O)</source>
        <translation>Contar en su lugar las palabras de un archivo de texto (Ctrl+O)</translation>
    </message>
    <message>
        <source>Open a text file to count</source>
        <translation>Abrir un archivo de texto para contarlo</translation>
    </message>
    <message>
        <source>&amp;Corpus:</source>
        <translation>&amp;Corpus:</translation>
    </message>
    <message>
        <source>How many times the corpus&apos;s lines are repeated (the lesson used 10,000,000)</source>
        <translation>Cuántas veces se repiten las líneas del corpus (la lección usó 10.000.000)</translation>
    </message>
    <message>
        <source>Corpus size: number of repetitions</source>
        <translation>Tamaño del corpus: número de repeticiones</translation>
    </message>
    <message>
        <source>&amp;Size:</source>
        <translation>&amp;Tamaño:</translation>
    </message>
    <message>
        <source>Corpus size in bytes and lines</source>
        <translation>Tamaño del corpus en bytes y líneas</translation>
    </message>
    <message>
        <source>One loop on one thread: the lesson&apos;s sequential_word_count</source>
        <translation>Un bucle en un hilo: el sequential_word_count de la lección</translation>
    </message>
    <message>
        <source>A QThreadPool of N threads sharing the parent process</source>
        <translation>Un QThreadPool de N hilos que comparten el proceso padre</translation>
    </message>
    <message>
        <source>N wordrace-worker processes, like multiprocessing.Pool.map; their CPU is not the parent&apos;s</source>
        <translation>N procesos wordrace-worker, como multiprocessing.Pool.map; su CPU no es la del padre</translation>
    </message>
    <message>
        <source>N MPI ranks started by mpirun, on this machine or on the hosts below: processes on different machines</source>
        <translation>N rangos MPI lanzados por mpirun, en esta máquina o en los nodos de abajo: procesos en máquinas distintas</translation>
    </message>
    <message>
        <source>The lesson&apos;s sequential_word_count in the system&apos;s CPython, over the same tasks</source>
        <translation>El sequential_word_count de la lección en el CPython del sistema, sobre las mismas tareas</translation>
    </message>
    <message>
        <source>A pool of N threading.Thread workers in CPython: the real GIL (its wait is estimated as a task&apos;s wall minus its thread&apos;s CPU)</source>
        <translation>Un grupo de N trabajadores threading.Thread en CPython: el GIL real (su espera se estima como el tiempo real de una tarea menos la CPU de su hilo)</translation>
    </message>
    <message>
        <source>multiprocessing.Pool(N).map in CPython: pickling, transfer and the pool&apos;s start-up, measured</source>
        <translation>multiprocessing.Pool(N).map en CPython: serialización (pickle), transferencia y arranque del grupo, medidos</translation>
    </message>
    <message>
        <source>cluster (MPI)</source>
        <translation>cluster (MPI)</translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation>Ejecutar %1</translation>
    </message>
    <message>
        <source>Modes:</source>
        <translation>Modos:</translation>
    </message>
    <message>
        <source>CPython:</source>
        <translation>CPython:</translation>
    </message>
    <message>
        <source>this machine</source>
        <translation>esta máquina</translation>
    </message>
    <message>
        <source>Cluster mode: hosts for mpirun --host (node1:2,node2:2), or the path of an Open MPI hostfile; empty runs every rank on this machine</source>
        <translation>Modo cluster: nodos para mpirun --host (node1:2,node2:2), o la ruta de un hostfile de Open MPI; vacío ejecuta todos los rangos en esta máquina</translation>
    </message>
    <message>
        <source>Cluster hosts or hostfile</source>
        <translation>Nodos del cluster o hostfile</translation>
    </message>
    <message>
        <source>&amp;Hosts:</source>
        <translation>&amp;Nodos:</translation>
    </message>
    <message>
        <source>Threads or processes for the parallel modes (the lesson used multiprocessing.cpu_count())</source>
        <translation>Hilos o procesos para los modos paralelos (la lección usó multiprocessing.cpu_count())</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>Trabajadores</translation>
    </message>
    <message>
        <source>&amp;Workers:</source>
        <translation>T&amp;rabajadores:</translation>
    </message>
    <message>
        <source>this machine: 1 logical CPU</source>
        <translation>esta máquina: 1 CPU lógica</translation>
    </message>
    <message>
        <source>this machine: %1 logical CPUs</source>
        <translation>esta máquina: %1 CPU lógicas</translation>
    </message>
    <message>
        <source>What multiprocessing.cpu_count() would say here</source>
        <translation>Lo que diría aquí multiprocessing.cpu_count()</translation>
    </message>
    <message>
        <source> lines</source>
        <translation> líneas</translation>
    </message>
    <message>
        <source>Lines per task. Auto is Pool.map&apos;s default: lines ÷ (4 × workers), rounded up</source>
        <translation>Líneas por tarea. Auto es el valor por defecto de Pool.map: líneas ÷ (4 × trabajadores), redondeado hacia arriba</translation>
    </message>
    <message>
        <source>Chunk size in lines per task</source>
        <translation>Tamaño del bloque en líneas por tarea</translation>
    </message>
    <message>
        <source>C&amp;hunk:</source>
        <translation>&amp;Bloque:</translation>
    </message>
    <message>
        <source>Lesson conditions</source>
        <translation>Condiciones de la lección</translation>
    </message>
    <message>
        <source>Recreate the lesson&apos;s conditions openly: slow I/O, an interpreter&apos;s cost per word, an emulated GIL, a new worker per task, pickled transfers, repeated runs</source>
        <translation>Recrear abiertamente las condiciones de la lección: E/S lenta, el coste de un intérprete por palabra, un GIL emulado, un trabajador nuevo por tarea, transferencias serializadas, ejecuciones repetidas</translation>
    </message>
    <message>
        <source>Show or hide the lesson conditions</source>
        <translation>Mostrar u ocultar las condiciones de la lección</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguna</translation>
    </message>
    <message>
        <source>I/O latency per task: each task first waits this long, as if fetching a page from a slow server</source>
        <translation>Latencia de E/S por tarea: cada tarea espera primero este tiempo, como si descargara una página de un servidor lento</translation>
    </message>
    <message>
        <source>I/O latency per task in milliseconds</source>
        <translation>Latencia de E/S por tarea en milisegundos</translation>
    </message>
    <message>
        <source>&amp;I/O latency:</source>
        <translation>&amp;Latencia de E/S:</translation>
    </message>
    <message>
        <source> ns/word</source>
        <translation> ns/palabra</translation>
    </message>
    <message>
        <source>Emulated interpreter cost: real CPU work added for every word counted. About 95 ns ≈ what CPython spends per word in the lesson&apos;s loop</source>
        <translation>Coste de intérprete emulado: trabajo de CPU real añadido por cada palabra contada. Unos 95 ns ≈ lo que gasta CPython por palabra en el bucle de la lección</translation>
    </message>
    <message>
        <source>Emulated interpreter cost per word in nanoseconds</source>
        <translation>Coste de intérprete emulado por palabra en nanosegundos</translation>
    </message>
    <message>
        <source>Interpreter cost (emulated):</source>
        <translation>Coste del intérprete (emulado):</translation>
    </message>
    <message>
        <source>Emulated GIL</source>
        <translation>GIL emulado</translation>
    </message>
    <message>
        <source>Emulated global interpreter lock: threads must hold one lock to compute, so only one counts at a time (processes each have their own)</source>
        <translation>Bloqueo global del intérprete emulado: los hilos deben tener un único cerrojo para calcular, así que solo cuenta uno a la vez (cada proceso tiene el suyo)</translation>
    </message>
    <message>
        <source>Emulated global interpreter lock for threads</source>
        <translation>Bloqueo global del intérprete emulado para los hilos</translation>
    </message>
    <message>
        <source>pool: reuse N workers</source>
        <translation>pool: reutilizar N trabajadores</translation>
    </message>
    <message>
        <source>new thread or process per task</source>
        <translation>un hilo o proceso nuevo por tarea</translation>
    </message>
    <message>
        <source>Reuse a pool of N workers (Pool.map), or start a new thread or process for every task and pay its start-up each time</source>
        <translation>Reutilizar un grupo de N trabajadores (Pool.map), o lanzar un hilo o proceso nuevo para cada tarea y pagar su arranque cada vez</translation>
    </message>
    <message>
        <source>Spawn workers</source>
        <translation>Creación de trabajadores</translation>
    </message>
    <message>
        <source>S&amp;pawn:</source>
        <translation>&amp;Creación:</translation>
    </message>
    <message>
        <source>shared memory</source>
        <translation>memoria compartida</translation>
    </message>
    <message>
        <source>pipe (as Pool.map pickles)</source>
        <translation>tubería (como serializa Pool.map)</translation>
    </message>
    <message>
        <source>Processes only: read the corpus from shared memory, or receive each task&apos;s bytes through a pipe as Pool.map pickles its arguments</source>
        <translation>Solo procesos: leer el corpus de memoria compartida, o recibir los bytes de cada tarea por una tubería, como Pool.map serializa sus argumentos</translation>
    </message>
    <message>
        <source>Transport of task data to worker processes</source>
        <translation>Transporte de los datos de las tareas a los procesos trabajadores</translation>
    </message>
    <message>
        <source>&amp;Transport:</source>
        <translation>&amp;Transporte:</translation>
    </message>
    <message>
        <source>default (spawn; CPython: its own)</source>
        <translation>por defecto (spawn; CPython: el suyo)</translation>
    </message>
    <message>
        <source>spawn (exec wordrace-worker)</source>
        <translation>spawn (ejecuta wordrace-worker)</translation>
    </message>
    <message>
        <source>fork (inherit the corpus)</source>
        <translation>fork (hereda el corpus)</translation>
    </message>
    <message>
        <source>forkserver (CPython only)</source>
        <translation>forkserver (solo CPython)</translation>
    </message>
    <message>
        <source>Processes only, Python&apos;s start methods: spawn starts the worker program, which maps the corpus; fork copies WordRace itself, corpus pages included, as Python&apos;s default on Linux does; forkserver is CPython&apos;s only. Default: spawn for the C++ workers, multiprocessing&apos;s own default for CPython</source>
        <translation>Solo procesos, los métodos de inicio de Python: spawn lanza el programa trabajador, que mapea el corpus; fork copia el propio WordRace, páginas del corpus incluidas, como hace Python por defecto en Linux; forkserver es solo de CPython. Por defecto: spawn para los trabajadores de C++, el propio valor por defecto de multiprocessing para CPython</translation>
    </message>
    <message>
        <source>How worker processes start</source>
        <translation>Cómo arrancan los procesos trabajadores</translation>
    </message>
    <message>
        <source>Start &amp;method:</source>
        <translation>&amp;Método de inicio:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Task timeout: a worker silent on one task this long fails the run; 0 = none</source>
        <translation>Tiempo límite por tarea: un trabajador que pase este tiempo en silencio con una tarea hace fallar la ejecución; 0 = sin límite</translation>
    </message>
    <message>
        <source>Task timeout in seconds, 0 for none</source>
        <translation>Tiempo límite por tarea en segundos, 0 para ninguno</translation>
    </message>
    <message>
        <source>Task time&amp;out:</source>
        <translation>Tiempo &amp;límite por tarea:</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>auto</translation>
    </message>
    <message>
        <source>Measured runs of each mode, interleaved across modes, to see how much the times vary. auto: as many as fit in about %1 s after the first round, at most %2; the chart then shows each mode&apos;s median and spread. Run Once (Shift+F5) measures a single run.</source>
        <translation>Ejecuciones medidas de cada modo, intercaladas entre modos, para ver cuánto varían los tiempos. auto: tantas como quepan en unos %1 s tras la primera ronda, como mucho %2; el gráfico muestra entonces la mediana y la dispersión de cada modo. Ejecutar una vez (Mayús+F5) mide una sola ejecución.</translation>
    </message>
    <message>
        <source>Measured runs of each mode</source>
        <translation>Ejecuciones medidas de cada modo</translation>
    </message>
    <message>
        <source>R&amp;uns:</source>
        <translation>&amp;Ejecuciones:</translation>
    </message>
    <message>
        <source>Unmeasured runs of each mode first, so caches and the page cache are warm</source>
        <translation>Primero ejecuciones sin medir de cada modo, para que las cachés y la caché de páginas estén calientes</translation>
    </message>
    <message>
        <source>Warm-up runs of each mode</source>
        <translation>Ejecuciones de calentamiento de cada modo</translation>
    </message>
    <message>
        <source>W&amp;arm-up:</source>
        <translation>C&amp;alentamiento:</translation>
    </message>
    <message>
        <source>Run the experiment</source>
        <translation>Ejecutar el experimento</translation>
    </message>
    <message>
        <source>Cancel the run</source>
        <translation>Cancelar la ejecución</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 no existe.</translation>
    </message>
    <message>
        <source>%1 is a folder, not a file.</source>
        <translation>%1 es una carpeta, no un archivo.</translation>
    </message>
    <message>
        <source>You may not read %1.</source>
        <translation>No tiene permiso para leer %1.</translation>
    </message>
    <message>
        <source>Count the Words of a File</source>
        <translation>Contar las palabras de un archivo</translation>
    </message>
    <message>
        <source>All files (*);;Text files (*.txt *.md *.csv *.log)</source>
        <translation>Todos los archivos (*);;Archivos de texto (*.txt *.md *.csv *.log)</translation>
    </message>
    <message>
        <source>1 worker</source>
        <translation>1 trabajador</translation>
    </message>
    <message>
        <source>%1 workers</source>
        <translation>%1 trabajadores</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>Choose a text file to count.</source>
        <translation>Elija un archivo de texto para contar.</translation>
    </message>
    <message>
        <source>Tick at least one mode: sequential, threads or processes.</source>
        <translation>Marque al menos un modo: sequential, threads o processes.</translation>
    </message>
    <message>
        <source>That corpus would be too large: choose a smaller size.</source>
        <translation>Ese corpus sería demasiado grande: elija un tamaño menor.</translation>
    </message>
    <message>
        <source>Lowered to ×%1 for the CPython modes: a CPython run of about %2 s, where the full size would keep a class waiting. Set the size again to count more.</source>
        <translation>Reducido a ×%1 para los modos CPython: una ejecución de CPython de unos %2 s, cuando el tamaño completo haría esperar a la clase. Vuelva a fijar el tamaño para contar más.</translation>
    </message>
    <message>
        <source>%1 file</source>
        <translation>archivo %1</translation>
    </message>
    <message>
        <source>file not found</source>
        <translation>archivo no encontrado</translation>
    </message>
    <message>
        <source> · %1 lines</source>
        <translation> · %1 líneas</translation>
    </message>
    <message>
        <source>%1 · %2 lines</source>
        <translation>%1 · %2 líneas</translation>
    </message>
    <message>
        <source>%1 bytes, generated in memory</source>
        <translation>%1 bytes, generados en memoria</translation>
    </message>
    <message>
        <source> · sized for CPython</source>
        <translation> · ajustado para CPython</translation>
    </message>
    <message>
        <source>too large</source>
        <translation>demasiado grande</translation>
    </message>
    <message>
        <source>auto: %1 lines</source>
        <translation>auto: %1 líneas</translation>
    </message>
    <message>
        <source>auto: lines ÷ (4 × %1)</source>
        <translation>auto: líneas ÷ (4 × %1)</translation>
    </message>
</context>
<context>
    <name>wordrace::ExportDialog</name>
    <message>
        <source>Projector look: big type, thick bars, high contrast</source>
        <translation>Aspecto de proyector: letra grande, barras gruesas, alto contraste</translation>
    </message>
    <message>
        <source>Export Chart</source>
        <translation>Exportar gráfico</translation>
    </message>
    <message>
        <source>Wall time vs CPU time</source>
        <translation>Tiempo real frente a tiempo de CPU</translation>
    </message>
    <message>
        <source>Per-worker timeline</source>
        <translation>Cronograma por trabajador</translation>
    </message>
    <message>
        <source>Where the time went (overhead)</source>
        <translation>En qué se fue el tiempo (sobrecoste)</translation>
    </message>
    <message>
        <source>Chart to export</source>
        <translation>Gráfico que exportar</translation>
    </message>
    <message>
        <source>Which chart to write</source>
        <translation>Qué gráfico escribir</translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation>Imagen PNG</translation>
    </message>
    <message>
        <source>SVG drawing</source>
        <translation>Dibujo SVG</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>Documento PDF</translation>
    </message>
    <message>
        <source>File format</source>
        <translation>Formato de archivo</translation>
    </message>
    <message>
        <source>PNG for slides and chat, SVG and PDF stay sharp at any size</source>
        <translation>PNG para diapositivas y chat; SVG y PDF se ven nítidos a cualquier tamaño</translation>
    </message>
    <message>
        <source>Size in pixels</source>
        <translation>Tamaño en píxeles</translation>
    </message>
    <message>
        <source>The chart&apos;s size on screen, full HD or 4K. 4K is full HD drawn twice as sharp.</source>
        <translation>El tamaño del gráfico en pantalla, Full HD o 4K. 4K es Full HD dibujado el doble de nítido.</translation>
    </message>
    <message>
        <source>Use the projector look</source>
        <translation>Usar el aspecto de proyector</translation>
    </message>
    <message>
        <source>The presentation theme, readable from the back of a classroom</source>
        <translation>El tema de presentación, legible desde el fondo del aula</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>Nombre del archivo</translation>
    </message>
    <message>
        <source>Where to write the chart</source>
        <translation>Dónde escribir el gráfico</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>Choose the file name</source>
        <translation>Elegir el nombre del archivo</translation>
    </message>
    <message>
        <source>Choose a folder and file name</source>
        <translation>Elija una carpeta y un nombre de archivo</translation>
    </message>
    <message>
        <source>&amp;Chart:</source>
        <translation>&amp;Gráfico:</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Formato:</translation>
    </message>
    <message>
        <source>&amp;Size:</source>
        <translation>&amp;Tamaño:</translation>
    </message>
    <message>
        <source>F&amp;ile:</source>
        <translation>&amp;Archivo:</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportar</translation>
    </message>
    <message>
        <source>Copy to C&amp;lipboard</source>
        <translation>Copiar al &amp;portapapeles</translation>
    </message>
    <message>
        <source>Put the chart on the clipboard as an image, at the size and look chosen above</source>
        <translation>Poner el gráfico en el portapapeles como imagen, con el tamaño y el aspecto elegidos arriba</translation>
    </message>
    <message>
        <source>Window size (%1 × %2)</source>
        <translation>Tamaño de la ventana (%1 × %2)</translation>
    </message>
    <message>
        <source>Full HD (1920 × 1080)</source>
        <translation>Full HD (1920 × 1080)</translation>
    </message>
    <message>
        <source>4K (3840 × 2160)</source>
        <translation>4K (3840 × 2160)</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Imágenes PNG (*.png)</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg)</source>
        <translation>Dibujos SVG (*.svg)</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documentos PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>wordrace::HistoryEntry</name>
    <message>
        <source>1 worker</source>
        <translation>1 trabajador</translation>
    </message>
    <message>
        <source>%1 workers</source>
        <translation>%1 trabajadores</translation>
    </message>
    <message>
        <source>#%1 %2 · %3</source>
        <translation>#%1 %2 · %3</translation>
    </message>
    <message>
        <source>Done. Hover over the charts for details; right-click to export.</source>
        <translation>Hecho. Pase el ratón por los gráficos para ver detalles; clic derecho para exportar.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelado.</translation>
    </message>
    <message>
        <source>The run failed.</source>
        <translation>La ejecución falló.</translation>
    </message>
</context>
<context>
    <name>wordrace::HistoryView</name>
    <message>
        <source>Run history</source>
        <translation>Historial de ejecuciones</translation>
    </message>
    <message>
        <source>Every run of this session. Select one to see it again; select two (Ctrl+click) to compare them side by side.</source>
        <translation>Todas las ejecuciones de esta sesión. Seleccione una para volver a verla; seleccione dos (Ctrl+clic) para compararlas lado a lado.</translation>
    </message>
</context>
<context>
    <name>wordrace::Knobs</name>
    <message>
        <source>I/O %1 ms in turn</source>
        <translation>E/S de %1 ms por turnos</translation>
    </message>
    <message>
        <source>I/O %1 ms per task</source>
        <translation>E/S de %1 ms por tarea</translation>
    </message>
    <message>
        <source>CPython&apos;s ns/word</source>
        <translation>ns/palabra de CPython</translation>
    </message>
    <message>
        <source>%1 ns/word</source>
        <translation>%1 ns/palabra</translation>
    </message>
    <message>
        <source>emulated GIL</source>
        <translation>GIL emulado</translation>
    </message>
    <message>
        <source>%1 spawn</source>
        <translation>creación %1</translation>
    </message>
    <message>
        <source>%1 transport</source>
        <translation>transporte %1</translation>
    </message>
    <message>
        <source>%1 start</source>
        <translation>inicio %1</translation>
    </message>
</context>
<context>
    <name>wordrace::LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>&amp;System Default</source>
        <translation>&amp;Predeterminado del sistema</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>WordRace will use the new language the next time it starts.</source>
        <translation>WordRace usará el nuevo idioma la próxima vez que se inicie.</translation>
    </message>
</context>
<context>
    <name>wordrace::LiveText</name>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
</context>
<context>
    <name>wordrace::MachineLoad</name>
    <message>
        <source>other programs used %1 of %2 cores during this run: its times are longer than this machine&apos;s best</source>
        <translation>otros programas usaron %1 de %2 núcleos durante esta ejecución: sus tiempos son más largos que los mejores de esta máquina</translation>
    </message>
    <message>
        <source>%1 thread(s) of other programs were ready to run on this %2-core machine as this run started and as it ended: its times are not this machine&apos;s best</source>
        <translation>%1 hilo(s) de otros programas estaban listos para ejecutarse en esta máquina de %2 núcleos al empezar y al terminar esta ejecución: sus tiempos no son los mejores de esta máquina</translation>
    </message>
    <message>
        <source>the counting waited for a free core %1% of the time it was ready to run: other programs (or the kernel) were using the cores, so this run&apos;s times are longer than this machine&apos;s best</source>
        <translation>el recuento esperó un núcleo libre el %1% del tiempo que estuvo listo para ejecutarse: otros programas (o el núcleo del sistema) usaban los núcleos, así que los tiempos de esta ejecución son más largos que los mejores de esta máquina</translation>
    </message>
</context>
<context>
    <name>wordrace::MainWindow</name>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Ready: press Run (F5) to count the lesson&apos;s words three ways.</source>
        <translation>Listo: pulse Ejecutar (F5) para contar las palabras de la lección de tres maneras.</translation>
    </message>
    <message>
        <source>Race</source>
        <translation>Carrera</translation>
    </message>
    <message>
        <source>Scaling</source>
        <translation>Escalado</translation>
    </message>
    <message>
        <source>Experiment</source>
        <translation>Experimento</translation>
    </message>
    <message>
        <source>Experiment settings</source>
        <translation>Configuración del experimento</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>Run history</source>
        <translation>Historial de ejecuciones</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Ejecutar</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Tema</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principal</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Barra de herramientas principal</translation>
    </message>
    <message>
        <source>Preparing the corpus…</source>
        <translation>Preparando el corpus…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <source>WordRace cannot run this experiment.</source>
        <translation>WordRace no puede ejecutar este experimento.</translation>
    </message>
    <message>
        <source>%1

Change the experiment (corpus, size, workers or chunk size) and press Run again.</source>
        <translation>%1

Cambie el experimento (corpus, tamaño, trabajadores o tamaño de bloque) y vuelva a pulsar Ejecutar.</translation>
    </message>
    <message>
        <source>The run failed.</source>
        <translation>La ejecución falló.</translation>
    </message>
    <message>
        <source>%1

Check that wordrace-worker is installed next to WordRace and that there is enough free memory, then press Run again. Unticking “processes” runs without worker processes.</source>
        <translation>%1

Compruebe que wordrace-worker está instalado junto a WordRace y que hay suficiente memoria libre, y vuelva a pulsar Ejecutar. Si desmarca «processes», se ejecuta sin procesos trabajadores.</translation>
    </message>
    <message>
        <source>Comparing #%1 and #%2 on the same scales</source>
        <translation>Comparando #%1 y #%2 en las mismas escalas</translation>
    </message>
    <message>
        <source>A run is going (Esc cancels it)</source>
        <translation>Hay una ejecución en marcha (Esc la cancela)</translation>
    </message>
    <message>
        <source>Count the words in every mode ticked (F5)</source>
        <translation>Contar las palabras en cada modo marcado (F5)</translation>
    </message>
    <message>
        <source>Leave &amp;Presentation</source>
        <translation>Salir de la &amp;presentación</translation>
    </message>
    <message>
        <source>&amp;Presentation</source>
        <translation>&amp;Presentación</translation>
    </message>
    <message>
        <source>Presentation: F5 runs, Esc cancels or leaves, F11 leaves.</source>
        <translation>Presentación: F5 ejecuta, Esc cancela o sale, F11 sale.</translation>
    </message>
    <message>
        <source>WordRace cannot count that file.</source>
        <translation>WordRace no puede contar ese archivo.</translation>
    </message>
    <message>
        <source>%1

Choose a text file you can read.</source>
        <translation>%1

Elija un archivo de texto que pueda leer.</translation>
    </message>
    <message>
        <source>Wait for the run to finish (or press Esc) before changing the corpus.</source>
        <translation>Espere a que termine la ejecución (o pulse Esc) antes de cambiar el corpus.</translation>
    </message>
    <message>
        <source>Corpus: %1. Press Run (F5).</source>
        <translation>Corpus: %1. Pulse Ejecutar (F5).</translation>
    </message>
    <message>
        <source>WordRace</source>
        <translation>WordRace</translation>
    </message>
    <message>
        <source>Stopping the run…</source>
        <translation>Deteniendo la ejecución…</translation>
    </message>
</context>
<context>
    <name>wordrace::ModeSummary</name>
    <message>
        <source>%1, 1 worker</source>
        <translation>%1, 1 trabajador</translation>
    </message>
    <message>
        <source>%1, %2 workers</source>
        <translation>%1, %2 trabajadores</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>n/d</translation>
    </message>
</context>
<context>
    <name>wordrace::OverheadChart</name>
    <message>
        <source>Where the time went</source>
        <translation>En qué se fue el tiempo</translation>
    </message>
    <message>
        <source>start-up</source>
        <translation>arranque</translation>
    </message>
    <message>
        <source>transfer</source>
        <translation>transferencia</translation>
    </message>
    <message>
        <source>compute</source>
        <translation>cálculo</translation>
    </message>
    <message>
        <source>I/O wait</source>
        <translation>espera de E/S</translation>
    </message>
    <message>
        <source>GIL wait</source>
        <translation>espera del GIL</translation>
    </message>
    <message>
        <source>gather</source>
        <translation>recogida</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>inactivo</translation>
    </message>
    <message>
        <source>Where the time went (worker-seconds)</source>
        <translation>En qué se fue el tiempo (segundos-trabajador)</translation>
    </message>
    <message>
        <source>%1 ×%2</source>
        <translation>%1 ×%2</translation>
    </message>
    <message>
        <source> run %1</source>
        <translation> ejecución %1</translation>
    </message>
    <message>
        <source>worker-seconds</source>
        <translation>segundos-trabajador</translation>
    </message>
    <message>
        <source>, run %1</source>
        <translation>, ejecución %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2: %3 worker-seconds (%4% of the run&apos;s %5)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2: %3 segundos-trabajador (%4% del %5 de la ejecución)</translation>
    </message>
    <message>
        <source>Press Run (F5): each run&apos;s worker-seconds will appear here, split into start-up, counting, waiting and gathering.</source>
        <translation>Pulse Ejecutar (F5): los segundos de trabajador de cada ejecución aparecerán aquí, repartidos en arranque, conteo, espera y recogida.</translation>
    </message>
</context>
<context>
    <name>wordrace::Plausibility</name>
    <message>
        <source>this first %1 run took %2 the median of the later ones (%3 s against %4 s): it paid for cold memory, caches or page tables, so the later runs are the mode&apos;s cost</source>
        <translation>esta primera ejecución de %1 tardó %2 la mediana de las siguientes (%3 s frente a %4 s): pagó memoria, cachés o tablas de páginas en frío, así que el coste del modo son las ejecuciones siguientes</translation>
    </message>
    <message>
        <source>%1 counted %2 per CPU-second against %3 in %4: the counting itself ran slowly (cold memory or caches, or a core shared with another program), so this time is not the mode&apos;s cost</source>
        <translation>%1 contó %2 por segundo de CPU frente a %3 en %4: el propio recuento fue lento (memoria o cachés en frío, o un núcleo compartido con otro programa), así que este tiempo no es el coste del modo</translation>
    </message>
    <message>
        <source>one of them was disturbed; run again with a warm-up run</source>
        <translation>una de ellas se vio perturbada; vuelva a ejecutar con una ejecución de calentamiento</translation>
    </message>
    <message>
        <source>sequential&apos;s first run was cold</source>
        <translation>la primera ejecución de sequential fue en frío</translation>
    </message>
    <message>
        <source>sequential&apos;s counting ran slowly (see its slow-counting warning)</source>
        <translation>el recuento de sequential fue lento (vea su aviso «recuento lento»)</translation>
    </message>
    <message>
        <source>%1 ran %2 faster than %7 with %3 worker(s) on %4 core(s): more than the hardware allows for counting (at most %5), so %6</source>
        <translation>%1 fue %2 más rápido que %7 con %3 trabajador(es) en %4 núcleo(s): más de lo que el hardware permite al contar (como mucho %5), así que %6</translation>
    </message>
    <message>
        <source>implausible-speedup</source>
        <translation>aceleración imposible</translation>
    </message>
    <message>
        <source>slow-counting</source>
        <translation>recuento lento</translation>
    </message>
    <message>
        <source>busy-machine</source>
        <translation>máquina ocupada</translation>
    </message>
    <message>
        <source>cold-run</source>
        <translation>ejecución en frío</translation>
    </message>
</context>
<context>
    <name>wordrace::RacePage</name>
    <message>
        <source>Run progress</source>
        <translation>Progreso de la ejecución</translation>
    </message>
    <message>
        <source>How much of the experiment is done, over all modes</source>
        <translation>Cuánto del experimento está hecho, sumando todos los modos</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Listo</translation>
    </message>
    <message>
        <source>Words counted and time elapsed</source>
        <translation>Palabras contadas y tiempo transcurrido</translation>
    </message>
    <message>
        <source>Preparing %1…</source>
        <translation>Preparando %1…</translation>
    </message>
    <message>
        <source>Preparing %1… %2</source>
        <translation>Preparando %1… %2</translation>
    </message>
    <message>
        <source>%1: %2 of %3 tasks · %4 words · %5 · total %6</source>
        <translation>%1: %2 de %3 tareas · %4 palabras · %5 · total %6</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>some numbers are doubtful</source>
        <translation>algunos números son dudosos</translation>
    </message>
    <message>
        <source>#%1 done in %2: %3</source>
        <translation>#%1 hecha en %2: %3</translation>
    </message>
    <message>
        <source>#%1 done: %2</source>
        <translation>#%1 hecha: %2</translation>
    </message>
    <message>
        <source>#%1 cancelled</source>
        <translation>#%1 cancelada</translation>
    </message>
    <message>
        <source>#%1 cancelled: %2</source>
        <translation>#%1 cancelada: %2</translation>
    </message>
    <message>
        <source>#%1 failed: %2</source>
        <translation>#%1 falló: %2</translation>
    </message>
</context>
<context>
    <name>wordrace::ResultTable</name>
    <message>
        <source>mode</source>
        <translation>modo</translation>
    </message>
    <message>
        <source>workers</source>
        <translation>trabajadores</translation>
    </message>
    <message>
        <source>words</source>
        <translation>palabras</translation>
    </message>
    <message>
        <source>wall</source>
        <translation>real</translation>
    </message>
    <message>
        <source>user</source>
        <translation>usuario</translation>
    </message>
    <message>
        <source>sys</source>
        <translation>sistema</translation>
    </message>
    <message>
        <source>CPU total</source>
        <translation>CPU total</translation>
    </message>
    <message>
        <source>CPU/wall</source>
        <translation>CPU/real</translation>
    </message>
    <message>
        <source>parent CPU</source>
        <translation>CPU del padre</translation>
    </message>
    <message>
        <source>%1 (cancelled)</source>
        <translation>%1 (cancelado)</translation>
    </message>
</context>
<context>
    <name>wordrace::ResultTableModel</name>
    <message>
        <source>%1, with warnings</source>
        <translation>%1, con avisos</translation>
    </message>
    <message>
        <source>CPU time divided by wall time: how many cores were busy on average</source>
        <translation>Tiempo de CPU dividido por el tiempo real: cuántos núcleos estuvieron ocupados de media</translation>
    </message>
    <message>
        <source>CPU of the WordRace process itself; its threads did all the work, so this is all the CPU</source>
        <translation>CPU del propio proceso WordRace; sus hilos hicieron todo el trabajo, así que esta es toda la CPU</translation>
    </message>
    <message>
        <source>CPU of the WordRace process only, what %time reports: the worker processes&apos; CPU is not in it</source>
        <translation>CPU solo del proceso WordRace, lo que informa %time: la CPU de los procesos trabajadores no está incluida</translation>
    </message>
</context>
<context>
    <name>wordrace::ResultTableView</name>
    <message>
        <source>Results table</source>
        <translation>Tabla de resultados</translation>
    </message>
    <message>
        <source>One row per mode: words, wall time, user, sys and total CPU time, CPU per wall time and the parent process&apos;s CPU, as the command line prints them</source>
        <translation>Una fila por modo: palabras, tiempo real, tiempo de CPU de usuario, de sistema y total, CPU por tiempo real y la CPU del proceso padre, como los imprime la línea de órdenes</translation>
    </message>
    <message>
        <source>The numbers %time would print, one row per mode. Ctrl+C copies them as tab-separated text.</source>
        <translation>Los números que imprimiría %time, una fila por modo. Ctrl+C los copia como texto separado por tabuladores.</translation>
    </message>
    <message>
        <source>&amp;Copy as Tab-Separated Text</source>
        <translation>&amp;Copiar como texto separado por tabuladores</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>Seleccionar &amp;todo</translation>
    </message>
</context>
<context>
    <name>wordrace::ResultsPane</name>
    <message>
        <source>Experiment shown</source>
        <translation>Experimento mostrado</translation>
    </message>
    <message>
        <source>Wall time vs CPU time</source>
        <translation>Tiempo real frente a tiempo de CPU</translation>
    </message>
    <message>
        <source>Wall time versus CPU time chart</source>
        <translation>Gráfico de tiempo real frente a tiempo de CPU</translation>
    </message>
    <message>
        <source>For each mode, the wall time beside the CPU time, user and sys stacked, with a dashed mark at the CPU of the parent process alone, which is what %time reports</source>
        <translation>Para cada modo, el tiempo real junto al tiempo de CPU, usuario y sistema apilados, con una marca discontinua en la CPU del proceso padre solo, que es lo que informa %time</translation>
    </message>
    <message>
        <source>Overhead breakdown chart</source>
        <translation>Gráfico del desglose del sobrecoste</translation>
    </message>
    <message>
        <source>For each run, the worker-seconds spent starting workers, transferring data, computing, waiting for I/O, waiting for the GIL, gathering results and idle, stacked</source>
        <translation>Para cada ejecución, los segundos-trabajador dedicados a arrancar trabajadores, transferir datos, calcular, esperar E/S, esperar el GIL, recoger resultados e inactivos, apilados</translation>
    </message>
    <message>
        <source>Per-worker timeline</source>
        <translation>Cronograma por trabajador</translation>
    </message>
    <message>
        <source>Timeline scroll area</source>
        <translation>Zona desplazable del cronograma</translation>
    </message>
    <message>
        <source>No run yet</source>
        <translation>Aún no hay ninguna ejecución</translation>
    </message>
    <message>
        <source>Per-worker timeline: not kept for this older experiment (memory bounded)</source>
        <translation>Cronograma por trabajador: no se guarda para este experimento antiguo (memoria limitada)</translation>
    </message>
    <message>
        <source>Per-worker timeline: median runs</source>
        <translation>Cronograma por trabajador: ejecuciones medianas</translation>
    </message>
    <message>
        <source> · median runs of %1</source>
        <translation> · ejecuciones medianas de %1</translation>
    </message>
    <message>
        <source>Hover a bar for its numbers, or focus the chart (Tab) and step through the bars with the arrow keys. Right-click to export or copy the chart</source>
        <translation>Pase el ratón por una barra para ver sus cifras, o enfoque el gráfico (Tab) y recorra las barras con las flechas. Clic derecho para exportar o copiar el gráfico</translation>
    </message>
    <message>
        <source>Where each run&apos;s time went: hover a segment for its numbers, or focus the chart (Tab) and step through the segments with the arrow keys. Right-click to export or copy the chart</source>
        <translation>En qué se fue el tiempo de cada ejecución: pase el ratón por un segmento para ver sus cifras, o enfoque el gráfico (Tab) y recorra los segmentos con las flechas. Clic derecho para exportar o copiar el gráfico</translation>
    </message>
</context>
<context>
    <name>wordrace::RunHistory</name>
    <message>
        <source>Its timeline was let go to keep memory bounded: the history keeps every task of its newest %1 experiments. Its times and counts are whole.</source>
        <translation>Su cronograma se descartó para limitar la memoria: el historial guarda cada tarea de sus %1 experimentos más recientes. Sus tiempos y recuentos están completos.</translation>
    </message>
    <message>
        <source>running…</source>
        <translation>en marcha…</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelada</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>falló</translation>
    </message>
    <message>
        <source>Started %1</source>
        <translation>Iniciada %1</translation>
    </message>
    <message>
        <source>Select two runs (Ctrl+click) to compare them side by side.</source>
        <translation>Seleccione dos ejecuciones (Ctrl+clic) para compararlas lado a lado.</translation>
    </message>
</context>
<context>
    <name>wordrace::Runner</name>
    <message>
        <source>%1: %2 bytes, %3 lines, prepared in %4 s</source>
        <translation>%1: %2 bytes, %3 líneas, preparado en %4 s</translation>
    </message>
    <message>
        <source> (in 2 MiB pages, for the worker processes)</source>
        <translation> (en páginas de 2 MiB, para los procesos trabajadores)</translation>
    </message>
    <message>
        <source>%1 line(s) longer than a task were split at whitespace</source>
        <translation>%1 línea(s) más larga(s) que una tarea se partieron por un espacio</translation>
    </message>
</context>
<context>
    <name>wordrace::ScalingChart</name>
    <message>
        <source>Run a sweep to see how the modes scale.</source>
        <translation>Lance un barrido para ver cómo escalan los modos.</translation>
    </message>
    <message>
        <source>Speed-up S(N) = T(sequential) / T(N)</source>
        <translation>Aceleración S(N) = T(secuencial) / T(N)</translation>
    </message>
    <message>
        <source>Efficiency E(N) = S(N) / N</source>
        <translation>Eficiencia E(N) = S(N) / N</translation>
    </message>
    <message>
        <source>Speed-up S(N) = T(sequential) / T(N): %1</source>
        <translation>Aceleración S(N) = T(secuencial) / T(N): %1</translation>
    </message>
    <message>
        <source>Efficiency E(N) = S(N) / N: %1</source>
        <translation>Eficiencia E(N) = S(N) / N: %1</translation>
    </message>
    <message>
        <source>Wall time against corpus size: where parallel starts to pay</source>
        <translation>Tiempo real según el tamaño del corpus: dónde empieza a compensar el paralelismo</translation>
    </message>
    <message>
        <source>Speed-up against corpus size: above 1, parallel wins</source>
        <translation>Aceleración según el tamaño del corpus: por encima de 1, gana el paralelo</translation>
    </message>
    <message>
        <source>This chart needs a sweep over worker counts.</source>
        <translation>Este gráfico necesita un barrido sobre el número de trabajadores.</translation>
    </message>
    <message>
        <source>This chart needs a sweep over corpus sizes.</source>
        <translation>Este gráfico necesita un barrido sobre tamaños de corpus.</translation>
    </message>
    <message>
        <source>workers N</source>
        <translation>trabajadores N</translation>
    </message>
    <message>
        <source>ideal: E = 1</source>
        <translation>ideal: E = 1</translation>
    </message>
    <message>
        <source>ideal: S = N</source>
        <translation>ideal: S = N</translation>
    </message>
    <message>
        <source>%1
speed-up S = %2
efficiency E = %3
wall %4 (%5 run(s))</source>
        <translation>%1
aceleración S = %2
eficiencia E = %3
tiempo real %4 (%5 ejecución(es))</translation>
    </message>
    <message>
        <source>
Amdahl&apos;s law predicts S = %1</source>
        <translation>
La ley de Amdahl predice S = %1</translation>
    </message>
    <message>
        <source>%1 measured</source>
        <translation>%1 medido</translation>
    </message>
    <message>
        <source>Amdahl + per-worker cost</source>
        <translation>Amdahl + coste por trabajador</translation>
    </message>
    <message>
        <source>Amdahl</source>
        <translation>Amdahl</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1: no model fits</source>
        <translation>%1: ningún modelo se ajusta</translation>
    </message>
    <message>
        <source>%1: no model fits (misses by up to %2%)</source>
        <translation>%1: ningún modelo se ajusta (se aleja hasta un %2%)</translation>
    </message>
    <message>
        <source>%1, %2: serial %3</source>
        <translation>%1, %2: secuencial %3</translation>
    </message>
    <message>
        <source>, +%1% per worker</source>
        <translation>, +%1% por trabajador</translation>
    </message>
    <message>
        <source>, at most %1 faster</source>
        <translation>, como mucho %1 más rápido</translation>
    </message>
    <message>
        <source>, no ceiling</source>
        <translation>, sin techo</translation>
    </message>
    <message>
        <source>, within %1%</source>
        <translation>, con un margen del %1%</translation>
    </message>
    <message>
        <source>, 1 point</source>
        <translation>, 1 punto</translation>
    </message>
    <message>
        <source> (fitted beyond the cores)</source>
        <translation> (ajustado más allá de los núcleos)</translation>
    </message>
    <message>
        <source>this machine&apos;s 1 logical CPU</source>
        <translation>la 1 CPU lógica de esta máquina</translation>
    </message>
    <message>
        <source>this machine&apos;s %1 logical CPUs</source>
        <translation>las %1 CPU lógicas de esta máquina</translation>
    </message>
    <message>
        <source>E(N)</source>
        <translation>E(N)</translation>
    </message>
    <message>
        <source>efficiency E(N) = S(N) / N</source>
        <translation>eficiencia E(N) = S(N) / N</translation>
    </message>
    <message>
        <source>S(N)</source>
        <translation>S(N)</translation>
    </message>
    <message>
        <source>speed-up S(N)</source>
        <translation>aceleración S(N)</translation>
    </message>
    <message>
        <source>sequential: S = 1</source>
        <translation>secuencial: S = 1</translation>
    </message>
    <message>
        <source>%1 on %2 (%3)
wall %4 (%5 run(s))
speed-up %6</source>
        <translation>%1 con %2 (%3)
tiempo real %4 (%5 ejecución(es))
aceleración %6</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>n/d</translation>
    </message>
    <message>
        <source>: never faster here</source>
        <translation>: aquí nunca más rápido</translation>
    </message>
    <message>
        <source>%1 beat sequential at every size, from %2</source>
        <translation>%1 ganó a sequential con todos los tamaños, desde %2</translation>
    </message>
    <message>
        <source>%1 beat sequential from ~%2</source>
        <translation>%1 ganó a sequential a partir de ~%2</translation>
    </message>
    <message>
        <source>%1 beat sequential from %2</source>
        <translation>%1 ganó a sequential a partir de %2</translation>
    </message>
    <message>
        <source>corpus size (bytes)</source>
        <translation>tamaño del corpus (bytes)</translation>
    </message>
    <message>
        <source>wall time (s, mean)</source>
        <translation>tiempo real (s, media)</translation>
    </message>
    <message>
        <source>speed-up</source>
        <translation>aceleración</translation>
    </message>
</context>
<context>
    <name>wordrace::ScalingPanel</name>
    <message>
        <source>%1 lines per task</source>
        <translation>%1 líneas por tarea</translation>
    </message>
    <message numerus="yes">
        <source>%n warm-up run(s)</source>
        <translation>
            <numerusform>%n ejecución de calentamiento</numerusform>
            <numerusform>%n ejecuciones de calentamiento</numerusform>
        </translation>
    </message>
    <message>
        <source>none (plain word counting)</source>
        <translation>ninguna (recuento de palabras sin más)</translation>
    </message>
    <message>
        <source>Sweep progress</source>
        <translation>Progreso del barrido</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Listo</translation>
    </message>
    <message>
        <source>Sweep progress and time elapsed</source>
        <translation>Progreso del barrido y tiempo transcurrido</translation>
    </message>
    <message>
        <source>Speed-up chart</source>
        <translation>Gráfico de aceleración</translation>
    </message>
    <message>
        <source>Efficiency chart</source>
        <translation>Gráfico de eficiencia</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <source>Save this chart as PNG, SVG or PDF</source>
        <translation>Guardar este gráfico como PNG, SVG o PDF</translation>
    </message>
    <message>
        <source>Sweep results</source>
        <translation>Resultados del barrido</translation>
    </message>
    <message>
        <source>Every point of the sweep: mean ± σ over its runs</source>
        <translation>Cada punto del barrido: media ± σ de sus ejecuciones</translation>
    </message>
    <message>
        <source>Worker counts: speed-up and Amdahl&apos;s law</source>
        <translation>Número de trabajadores: aceleración y ley de Amdahl</translation>
    </message>
    <message>
        <source>Corpus sizes: when parallel starts to pay</source>
        <translation>Tamaños de corpus: cuándo empieza a compensar el paralelismo</translation>
    </message>
    <message>
        <source>Sweep over</source>
        <translation>Barrer sobre</translation>
    </message>
    <message>
        <source>Sweep the worker count on one corpus (strong scaling), or the corpus size at one worker count (where threads and processes start to beat sequential)</source>
        <translation>Barrer el número de trabajadores con un corpus (escalado fuerte), o el tamaño del corpus con un número de trabajadores (dónde hilos y procesos empiezan a ganar al secuencial)</translation>
    </message>
    <message>
        <source>&amp;Sweep over</source>
        <translation>&amp;Barrer sobre</translation>
    </message>
    <message numerus="yes">
        <source>Worker counts, comma-separated. This machine has %n logical CPU(s); counts above that show the cores running out.</source>
        <translation>
            <numerusform>Número de trabajadores, separados por comas. Esta máquina tiene %n CPU lógica; por encima de eso se ve cómo se agotan los núcleos.</numerusform>
            <numerusform>Número de trabajadores, separados por comas. Esta máquina tiene %n CPU lógicas; por encima de eso se ve cómo se agotan los núcleos.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Workers</source>
        <translation>&amp;Trabajadores</translation>
    </message>
    <message>
        <source>lesson[:REPEAT], nicehat[:REPEAT] or the path of a text file</source>
        <translation>lesson[:REPEAT], nicehat[:REPEAT] o la ruta de un archivo de texto</translation>
    </message>
    <message>
        <source>C&amp;orpus</source>
        <translation>C&amp;orpus</translation>
    </message>
    <message>
        <source>Corpora, comma-separated, smallest to largest or in any order: lesson:1000,lesson:100000 (58 bytes a repeat)</source>
        <translation>Corpus, separados por comas, de menor a mayor o en cualquier orden: lesson:1000,lesson:100000 (58 bytes por repetición)</translation>
    </message>
    <message>
        <source>Si&amp;zes</source>
        <translation>Tama&amp;ños</translation>
    </message>
    <message>
        <source>Workers at every size</source>
        <translation>Trabajadores en cada tamaño</translation>
    </message>
    <message>
        <source>Threads or processes at every size</source>
        <translation>Hilos o procesos en cada tamaño</translation>
    </message>
    <message>
        <source>Wor&amp;kers</source>
        <translation>Traba&amp;jadores</translation>
    </message>
    <message>
        <source>Runs per point</source>
        <translation>Ejecuciones por punto</translation>
    </message>
    <message>
        <source>Measured runs of each mode at each point; with 2 or more the table shows mean ± σ</source>
        <translation>Ejecuciones medidas de cada modo en cada punto; con 2 o más la tabla muestra media ± σ</translation>
    </message>
    <message>
        <source>&amp;Runs per point</source>
        <translation>&amp;Ejecuciones por punto</translation>
    </message>
    <message>
        <source>Measure %1 at every point</source>
        <translation>Medir %1 en cada punto</translation>
    </message>
    <message>
        <source>(sequential runs as the baseline)</source>
        <translation>(ejecuciones secuenciales como referencia)</translation>
    </message>
    <message>
        <source>Start Sweep</source>
        <translation>Iniciar barrido</translation>
    </message>
    <message>
        <source>Cancel Sweep</source>
        <translation>Cancelar barrido</translation>
    </message>
    <message>
        <source>Start sweep (Ctrl+Enter)</source>
        <translation>Iniciar el barrido (Ctrl+Intro)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Cancelar (Esc)</translation>
    </message>
    <message>
        <source>Stop the sweep (Esc); the points already measured stay</source>
        <translation>Detener el barrido (Esc); los puntos ya medidos se quedan</translation>
    </message>
    <message>
        <source>Tick threads, processes or both.</source>
        <translation>Marque threads, processes o ambos.</translation>
    </message>
    <message>
        <source>Corpus: %1</source>
        <translation>Corpus: %1</translation>
    </message>
    <message>
        <source>Workers: %1</source>
        <translation>Trabajadores: %1</translation>
    </message>
    <message>
        <source>Sizes: %1</source>
        <translation>Tamaños: %1</translation>
    </message>
    <message>
        <source>Lesson conditions from the Experiment panel: %1</source>
        <translation>Condiciones de la lección del panel Experimento: %1</translation>
    </message>
    <message>
        <source>A race is running; wait for it or cancel it first</source>
        <translation>Hay una carrera en marcha; espere a que termine o cancélela primero</translation>
    </message>
    <message>
        <source>A sweep is running (Esc cancels it)</source>
        <translation>Hay un barrido en marcha (Esc lo cancela)</translation>
    </message>
    <message>
        <source>Run every point of the sweep (Ctrl+Enter)</source>
        <translation>Ejecutar cada punto del barrido (Ctrl+Intro)</translation>
    </message>
    <message>
        <source>Measuring the first point…</source>
        <translation>Midiendo el primer punto…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message numerus="yes">
        <source>%n worker(s)</source>
        <translation>
            <numerusform>%n trabajador</numerusform>
            <numerusform>%n trabajadores</numerusform>
        </translation>
    </message>
    <message>
        <source>Point %1 of %2 (%3): preparing the corpus…</source>
        <translation>Punto %1 de %2 (%3): preparando el corpus…</translation>
    </message>
    <message>
        <source>Point %1 of %2 (%3): %4 · run %5 of %6</source>
        <translation>Punto %1 de %2 (%3): %4 · ejecución %5 de %6</translation>
    </message>
    <message>
        <source>No complete run to show.</source>
        <translation>No hay ninguna ejecución completa que mostrar.</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Falló: %1</translation>
    </message>
    <message>
        <source>Cancelled after %1 of %2 runs; the charts show what finished.</source>
        <translation>Cancelado tras %1 de %2 ejecuciones; los gráficos muestran lo que terminó.</translation>
    </message>
    <message numerus="yes">
        <source>Done: %n point(s), %1 runs</source>
        <translation>
            <numerusform>Hecho: %n punto, %1 ejecuciones</numerusform>
            <numerusform>Hecho: %n puntos, %1 ejecuciones</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: %2</translation>
    </message>
    <message>
        <source> (every point had more workers than cores: read with care)</source>
        <translation> (todos los puntos tenían más trabajadores que núcleos: léase con cuidado)</translation>
    </message>
    <message>
        <source>Amdahl&apos;s law needs a point with more than one worker.</source>
        <translation>La ley de Amdahl necesita un punto con más de un trabajador.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; never beat sequential here: the setup overhead outweighs the work</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; nunca ganó aquí a sequential: el coste de preparación pesa más que el trabajo</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; beat sequential already at %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; ya ganó a sequential con %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; beats sequential from ~%2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; gana a sequential a partir de ~%2</translation>
    </message>
    <message>
        <source>Use threads or processes only when the processing takes longer than their setup overhead.</source>
        <translation>Use hilos o procesos solo cuando el procesamiento tarde más que su coste de preparación.</translation>
    </message>
    <message>
        <source>mode</source>
        <translation>modo</translation>
    </message>
    <message>
        <source>workers N</source>
        <translation>trabajadores N</translation>
    </message>
    <message>
        <source>runs</source>
        <translation>ejecuciones</translation>
    </message>
    <message>
        <source>wall (mean ± σ)</source>
        <translation>tiempo real (media ± σ)</translation>
    </message>
    <message>
        <source>speed-up S(N)</source>
        <translation>aceleración S(N)</translation>
    </message>
    <message>
        <source>efficiency E(N)</source>
        <translation>eficiencia E(N)</translation>
    </message>
    <message>
        <source>ideal</source>
        <translation>ideal</translation>
    </message>
    <message>
        <source>Amdahl</source>
        <translation>Amdahl</translation>
    </message>
    <message>
        <source>corpus</source>
        <translation>corpus</translation>
    </message>
    <message>
        <source>size</source>
        <translation>tamaño</translation>
    </message>
    <message>
        <source>workers</source>
        <translation>trabajadores</translation>
    </message>
    <message>
        <source>speed-up</source>
        <translation>aceleración</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>n/d</translation>
    </message>
    <message>
        <source>There is no sweep to export yet.</source>
        <translation>Todavía no hay ningún barrido que exportar.</translation>
    </message>
    <message>
        <source>Run a sweep first; there is nothing to export yet.</source>
        <translation>Lance primero un barrido; todavía no hay nada que exportar.</translation>
    </message>
    <message>
        <source>Export Chart</source>
        <translation>Exportar gráfico</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF (*.pdf)</source>
        <translation>Imagen PNG (*.png);;Dibujo SVG (*.svg);;PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>Escrito %1</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>La exportación falló</translation>
    </message>
    <message>
        <source>No sweep yet</source>
        <translation>Todavía no hay ningún barrido</translation>
    </message>
    <message numerus="yes">
        <source>Reopened from the session: %n run(s)</source>
        <translation>
            <numerusform>Reabierto de la sesión: %n ejecución</numerusform>
            <numerusform>Reabierto de la sesión: %n ejecuciones</numerusform>
        </translation>
    </message>
    <message>
        <source>Hover a point for its numbers, or focus the chart (Tab) and step through the points with the arrow keys</source>
        <translation>Pase el ratón por un punto para ver sus cifras, o enfoque el gráfico (Tab) y recorra los puntos con las flechas</translation>
    </message>
</context>
<context>
    <name>wordrace::Scenario</name>
    <message>
        <source>n/a</source>
        <translation>n/d</translation>
    </message>
    <message>
        <source> (median of %1, %2 to %3)</source>
        <translation> (mediana de %1, de %2 a %3)</translation>
    </message>
    <message>
        <source>Not every mode finished, so the two GILs cannot be compared.</source>
        <translation>No todos los modos terminaron, así que no se pueden comparar los dos GIL.</translation>
    </message>
    <message>
        <source>The emulated GIL behaves like CPython&apos;s: %1x against %2x</source>
        <translation>El GIL emulado se comporta como el de CPython: %1x frente a %2x</translation>
    </message>
    <message>
        <source>The emulated GIL and CPython&apos;s differ: %1x against %2x</source>
        <translation>El GIL emulado y el de CPython difieren: %1x frente a %2x</translation>
    </message>
    <message>
        <source>emulated GIL threads: %1x sequential</source>
        <translation>hilos con GIL emulado: %1x sequential</translation>
    </message>
    <message>
        <source>CPython threads: %1x python-sequential</source>
        <translation>hilos de CPython: %1x python-sequential</translation>
    </message>
    <message>
        <source>difference: %1%</source>
        <translation>diferencia: %1%</translation>
    </message>
    <message>
        <source>With WordRace&apos;s emulated GIL (and %1 ns of work per word, CPython&apos;s own cost measured on this machine) threads ran %2x as fast as sequential; in CPython, with its real GIL, threads ran %3x as fast as python-sequential. The two differ by %4%%5.</source>
        <translation>Con el GIL emulado de WordRace (y %1 ns de trabajo por palabra, el coste propio de CPython medido en esta máquina) los hilos fueron %2x más rápidos que sequential; en CPython, con su GIL real, los hilos fueron %3x más rápidos que python-sequential. Los dos difieren en un %4%%5.</translation>
    </message>
    <message>
        <source>, within the 15% the emulation aims for</source>
        <translation>, dentro del 15% al que aspira la emulación</translation>
    </message>
    <message>
        <source>: more than the 15% the emulation aims for</source>
        <translation>: más del 15% al que aspira la emulación</translation>
    </message>
    <message>
        <source>Shortest wait first, all done in %1: the threads waited side by side</source>
        <translation>La espera más corta, primero; todo terminado en %1: los hilos esperaron a la vez</translation>
    </message>
    <message>
        <source>Done in %1: the waits did not overlap here</source>
        <translation>Terminado en %1: aquí las esperas no se solaparon</translation>
    </message>
    <message>
        <source>The threads finished in the order %1 and the whole took %2, while the waits add up to %3. A waiting thread does not hold up the others: the waits overlapped, so the one with the shortest wait finished first.</source>
        <translation>Los hilos terminaron en el orden %1 y el conjunto tardó %2, mientras que las esperas suman %3. Un hilo que espera no retrasa a los demás: las esperas se solaparon, así que el de la espera más corta terminó primero.</translation>
    </message>
    <message>
        <source>The threads finished in the order %1, but the whole took %2 of %3 waited: the waits did not overlap on this machine.</source>
        <translation>Los hilos terminaron en el orden %1, pero el conjunto tardó %2 de %3 de espera: en esta máquina las esperas no se solaparon.</translation>
    </message>
    <message>
        <source>finish order: %1</source>
        <translation>orden de llegada: %1</translation>
    </message>
    <message>
        <source>wall: %1</source>
        <translation>tiempo real: %1</translation>
    </message>
    <message>
        <source>sum of waits: %1</source>
        <translation>suma de esperas: %1</translation>
    </message>
    <message>
        <source>Completion order: %1 of %2 results came back out of turn</source>
        <translation>Orden de finalización: %1 de %2 resultados volvieron fuera de turno</translation>
    </message>
    <message>
        <source>In input order this time, by luck: nothing makes threads keep it</source>
        <translation>Esta vez en el orden de entrada, por suerte: nada obliga a los hilos a mantenerlo</translation>
    </message>
    <message>
        <source>The results came back in completion order: %1 of %2 results arrived after a later string&apos;s. The first ten, as string#:count, were %3. Keep the index with each result (as Pool.map does) if order matters.</source>
        <translation>Los resultados volvieron en orden de finalización: %1 de %2 resultados llegaron después del de una cadena posterior. Los diez primeros, como cadena#:recuento, fueron %3. Si el orden importa, guarde el índice con cada resultado (como hace Pool.map).</translation>
    </message>
    <message>
        <source>This time all %1 results happened to arrive in input order (%2), but nothing makes threads keep it: run it again.</source>
        <translation>Esta vez los %1 resultados llegaron por casualidad en el orden de entrada (%2), pero nada obliga a los hilos a mantenerlo: vuelva a ejecutarlo.</translation>
    </message>
    <message>
        <source>results out of input order: %1 of %2</source>
        <translation>resultados fuera del orden de entrada: %1 de %2</translation>
    </message>
    <message>
        <source>No zombies: both workers went with the cancel</source>
        <translation>Sin zombis: los dos trabajadores se fueron con la cancelación</translation>
    </message>
    <message>
        <source>No zombies: all %1 workers went with the cancel</source>
        <translation>Sin zombis: los %1 trabajadores se fueron con la cancelación</translation>
    </message>
    <message numerus="yes">
        <source>%n worker(s) outlived the cancel</source>
        <translation>
            <numerusform>%n trabajador sobrevivió a la cancelación</numerusform>
            <numerusform>%n trabajadores sobrevivieron a la cancelación</numerusform>
        </translation>
    </message>
    <message>
        <source>The run was cancelled after %1 of %2 chunks, with workers %3 running. Afterwards /proc lists none of them: each worker was stopped, and would also die with its parent (PR_SET_PDEATHSIG, end of its input). The lesson needed `ps ux | grep ... | xargs kill -9` because multiprocessing&apos;s workers outlived the notebook kernel that started them.</source>
        <translation>La ejecución se canceló tras %1 de %2 bloques, con los trabajadores %3 en marcha. Después, /proc no muestra ninguno: cada trabajador se detuvo, y además moriría con su padre (PR_SET_PDEATHSIG, fin de su entrada). La lección necesitaba `ps ux | grep ... | xargs kill -9` porque los trabajadores de multiprocessing sobrevivían al núcleo del notebook que los lanzó.</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>(ninguno todavía)</translation>
    </message>
    <message numerus="yes">
        <source>%n worker(s) were still alive after the cancel: %1.</source>
        <translation>
            <numerusform>%n trabajador seguía vivo tras la cancelación: %1.</numerusform>
            <numerusform>%n trabajadores seguían vivos tras la cancelación: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>chunks done before cancel: %1 of %2</source>
        <translation>bloques hechos antes de cancelar: %1 de %2</translation>
    </message>
    <message>
        <source>worker PIDs: %1</source>
        <translation>PID de los trabajadores: %1</translation>
    </message>
    <message>
        <source>left behind: %1</source>
        <translation>abandonados: %1</translation>
    </message>
    <message>
        <source>No mode finished</source>
        <translation>Ningún modo terminó</translation>
    </message>
    <message>
        <source>%1 won: the parallel modes cost more than they gained</source>
        <translation>Gana %1: los modos paralelos costaron más de lo que ganaron</translation>
    </message>
    <message>
        <source>%1 won: %2x as fast as %3</source>
        <translation>Gana %1: %2x más rápido que %3</translation>
    </message>
    <message>
        <source>%1 won</source>
        <translation>Gana %1</translation>
    </message>
    <message>
        <source>; threads gained nothing: they took turns at the GIL</source>
        <translation>; los hilos no ganaron nada: se turnaron en el GIL</translation>
    </message>
    <message>
        <source>; threads gained nothing</source>
        <translation>; los hilos no ganaron nada</translation>
    </message>
    <message>
        <source>%1 took %2 wall%3, %4 CPU (parent alone: %5), %6 busy cores</source>
        <translation>%1 tardó %2 de tiempo real%3, %4 de CPU (el padre solo: %5), %6 núcleos ocupados</translation>
    </message>
    <message>
        <source>, %1x as fast as sequential</source>
        <translation>, %1x más rápido que sequential</translation>
    </message>
    <message>
        <source> (%1x sequential)</source>
        <translation> (%1x sequential)</translation>
    </message>
    <message>
        <source>%1 was fastest. </source>
        <translation>%1 fue el más rápido. </translation>
    </message>
    <message>
        <source>Each mode ran once, so these figures carry no measured spread. </source>
        <translation>Cada modo se ejecutó una vez, así que estas cifras no tienen dispersión medida. </translation>
    </message>
    <message>
        <source>The tasks mostly wait: %1 of waiting in total, and a waiting thread costs almost no CPU, so %2 threads wait side by side. Processes overlap the waits too, but pay %3 to start.</source>
        <translation>Las tareas sobre todo esperan: %1 de espera en total, y un hilo que espera casi no gasta CPU, así que %2 hilos esperan a la vez. Los procesos también solapan las esperas, pero pagan %3 por arrancar.</translation>
    </message>
    <message>
        <source>extra</source>
        <translation>un extra</translation>
    </message>
    <message>
        <source>With the emulated GIL only one thread computes at a time: threads waited %1 for it in total and ran %2x as fast as sequential. Each process has its own GIL, so %3 processes computed at once: %4x.</source>
        <translation>Con el GIL emulado solo calcula un hilo a la vez: los hilos lo esperaron %1 en total y fueron %2x más rápidos que sequential. Cada proceso tiene su propio GIL, así que %3 procesos calcularon a la vez: %4x.</translation>
    </message>
    <message>
        <source>Each task is one short string: starting a thread for each cost %1 in total, and the processes spent %2 moving strings through pipes, far more than counting (%3). Use these only if your processing takes longer than the setup overhead.</source>
        <translation>Cada tarea es una cadena corta: lanzar un hilo para cada una costó %1 en total, y los procesos gastaron %2 pasando cadenas por tuberías, mucho más que contar (%3). Úselos solo si su procesamiento tarda más que el coste de preparación.</translation>
    </message>
    <message>
        <source>The parent of the processes used only %1 of CPU: that is all the lesson&apos;s %time could see; the workers&apos; %2 happened in other processes.</source>
        <translation>El padre de los procesos solo usó %1 de CPU: es todo lo que podía ver el %time de la lección; los %2 de los trabajadores ocurrieron en otros procesos.</translation>
    </message>
    <message>
        <source>Say: the same words counted three ways; which finishes first? Expect: on the lesson&apos;s short strings, one new thread per string costs more than it saves, and pickling every string to a process costs more still; sequential often wins. Point at the timeline: the gaps are overhead.</source>
        <translation>Diga: las mismas palabras contadas de tres maneras; ¿cuál termina primero? Espere: con las cadenas cortas de la lección, un hilo nuevo por cadena cuesta más de lo que ahorra, y serializar cada cadena hacia un proceso cuesta aún más; a menudo gana sequential. Señale el cronograma: los huecos son sobrecoste.</translation>
    </message>
    <message>
        <source>Say: three threads wait 5, 2 and 3 seconds. Expect: they finish 2, 3, 5 and the whole takes about 5 s, not 10: waiting threads overlap. Point at the three bars starting together.</source>
        <translation>Diga: tres hilos esperan 5, 2 y 3 segundos. Espere: terminan 2, 3, 5 y el conjunto tarda unos 5 s, no 10: los hilos que esperan se solapan. Señale las tres barras que empiezan a la vez.</translation>
    </message>
    <message>
        <source>Say: each thread appends its count to one list. Expect: completion order, not input order. Ask why Pool.map keeps the order (it carries the index).</source>
        <translation>Diga: cada hilo añade su recuento a una lista. Espere: orden de finalización, no de entrada. Pregunte por qué Pool.map mantiene el orden (lleva el índice).</translation>
    </message>
    <message>
        <source>Say: tasks that mostly wait, as when fetching web pages. Expect: threads and processes both far ahead of sequential; threads win by the processes&apos; start-up.</source>
        <translation>Diga: tareas que sobre todo esperan, como al descargar páginas web. Espere: hilos y procesos muy por delante de sequential; los hilos ganan por el arranque de los procesos.</translation>
    </message>
    <message>
        <source>Say: the same counting with a (labelled, emulated) GIL. Expect: threads gain nothing, processes scale with the cores. Point at the black hatched GIL waits on the thread lanes.</source>
        <translation>Diga: el mismo recuento con un GIL (emulado, y así rotulado). Espere: los hilos no ganan nada, los procesos escalan con los núcleos. Señale las esperas del GIL, rayadas en negro, en los carriles de los hilos.</translation>
    </message>
    <message>
        <source>Say: one task per string. Expect: setup overhead swamps the work; sequential wins. The lesson&apos;s rule: parallelise only work that takes longer than the setup.</source>
        <translation>Diga: una tarea por cadena. Espere: el coste de preparación ahoga el trabajo; gana sequential. La regla de la lección: paralelizar solo el trabajo que tarda más que la preparación.</translation>
    </message>
    <message>
        <source>Say: we cancel a run half-way. Expect: no worker is left. The lesson needed kill -9 because its workers outlived the notebook.</source>
        <translation>Diga: cancelamos una ejecución a medias. Espere: no queda ningún trabajador. La lección necesitaba kill -9 porque sus trabajadores sobrevivían al notebook.</translation>
    </message>
    <message>
        <source>Say: WordRace emulates the GIL in C++; here it meets CPython&apos;s real one. Expect: neither language&apos;s threads gain on counting, within 15% of each other.</source>
        <translation>Diga: WordRace emula el GIL en C++; aquí se enfrenta al real de CPython. Espere: los hilos de ninguno de los dos lenguajes ganan al contar, a menos de un 15% entre sí.</translation>
    </message>
    <message>
        <source>Threads and delays</source>
        <translation>Hilos y esperas</translation>
    </message>
    <message>
        <source>print_with_delay: three threads sleeping 5, 2 and 3 s</source>
        <translation>print_with_delay: tres hilos que duermen 5, 2 y 3 s</translation>
    </message>
    <message>
        <source>Three threads wait 5 s, 2 s and 3 s. In which order do they finish, and how long does it all take?</source>
        <translation>Tres hilos esperan 5 s, 2 s y 3 s. ¿En qué orden terminan y cuánto tarda todo?</translation>
    </message>
    <message>
        <source>5, 2, 3 (the order they started), about 10 s</source>
        <translation>5, 2, 3 (el orden en que empezaron), unos 10 s</translation>
    </message>
    <message>
        <source>2, 3, 5, about 5 s</source>
        <translation>2, 3, 5, unos 5 s</translation>
    </message>
    <message>
        <source>2, 3, 5, about 10 s</source>
        <translation>2, 3, 5, unos 10 s</translation>
    </message>
    <message>
        <source>Where do return values go?</source>
        <translation>¿Adónde van los valores devueltos?</translation>
    </message>
    <message>
        <source>count_and_store: threads append their results to a shared list</source>
        <translation>count_and_store: los hilos añaden sus resultados a una lista compartida</translation>
    </message>
    <message>
        <source>Threads append each string&apos;s count to a list as they finish. Does the list come out in the order the strings went in?</source>
        <translation>Los hilos añaden el recuento de cada cadena a una lista a medida que terminan. ¿Sale la lista en el orden en que entraron las cadenas?</translation>
    </message>
    <message>
        <source>yes, in input order</source>
        <translation>sí, en el orden de entrada</translation>
    </message>
    <message>
        <source>no, in completion order</source>
        <translation>no, en el orden de finalización</translation>
    </message>
    <message>
        <source>The word-count race</source>
        <translation>La carrera del recuento de palabras</translation>
    </message>
    <message>
        <source>sequential vs concurrent vs parallel word counts, %time</source>
        <translation>recuentos de palabras secuencial, concurrente y paralelo, %time</translation>
    </message>
    <message>
        <source>110,000,000 words: which is fastest, sequential, threads or processes?</source>
        <translation>110.000.000 de palabras: ¿qué es más rápido, sequential, threads o processes?</translation>
    </message>
    <message>
        <source>The web-scraping quiz</source>
        <translation>El test del web scraping</translation>
    </message>
    <message>
        <source>Pop quiz: an application that waits for web servers</source>
        <translation>Test sorpresa: una aplicación que espera a servidores web</translation>
    </message>
    <message>
        <source>40 tasks each wait 100 ms for a server, then count. With 8 workers, which wins?</source>
        <translation>40 tareas esperan cada una 100 ms a un servidor y luego cuentan. Con 8 trabajadores, ¿cuál gana?</translation>
    </message>
    <message>
        <source>The CPU-bound quiz, with an emulated GIL</source>
        <translation>El test del cálculo intensivo, con un GIL emulado</translation>
    </message>
    <message>
        <source>Pop quiz: a very large dataset through a CPU-intensive algorithm</source>
        <translation>Test sorpresa: un conjunto de datos muy grande a través de un algoritmo de cálculo intensivo</translation>
    </message>
    <message>
        <source>Every word costs 95 ns of interpreter work (about CPython&apos;s speed) and threads must share one GIL. Which is fastest?</source>
        <translation>Cada palabra cuesta 95 ns de trabajo del intérprete (más o menos la velocidad de CPython) y los hilos deben compartir un único GIL. ¿Cuál es el más rápido?</translation>
    </message>
    <message>
        <source>Tiny tasks</source>
        <translation>Tareas diminutas</translation>
    </message>
    <message>
        <source>concurrent_word_count starts one thread per string; Pool.map with tiny items</source>
        <translation>concurrent_word_count lanza un hilo por cadena; Pool.map con elementos diminutos</translation>
    </message>
    <message>
        <source>One task per string, 60,000 strings, and a new thread for each (the lesson&apos;s concurrent_word_count). Which is fastest?</source>
        <translation>Una tarea por cadena, 60.000 cadenas, y un hilo nuevo para cada una (el concurrent_word_count de la lección). ¿Cuál es el más rápido?</translation>
    </message>
    <message>
        <source>Cleaning up zombies</source>
        <translation>Limpieza de zombis</translation>
    </message>
    <message>
        <source>A run on worker processes is cancelled half-way. Are any of its workers left behind?</source>
        <translation>Una ejecución con procesos trabajadores se cancela a medias. ¿Queda alguno de sus trabajadores?</translation>
    </message>
    <message>
        <source>yes, they keep running until killed</source>
        <translation>sí, siguen en marcha hasta que se les mata</translation>
    </message>
    <message>
        <source>no, none is left</source>
        <translation>no, no queda ninguno</translation>
    </message>
    <message>
        <source>The emulated GIL against CPython&apos;s own</source>
        <translation>El GIL emulado frente al propio de CPython</translation>
    </message>
    <message>
        <source>threading and the GIL, in real CPython beside WordRace&apos;s emulation</source>
        <translation>threading y el GIL, en CPython real junto a la emulación de WordRace</translation>
    </message>
    <message>
        <source>WordRace emulates Python&apos;s GIL in C++. Do its threads gain what CPython&apos;s threads gain on the same words?</source>
        <translation>WordRace emula el GIL de Python en C++. ¿Ganan sus hilos lo mismo que los hilos de CPython con las mismas palabras?</translation>
    </message>
    <message>
        <source>yes, within 15%</source>
        <translation>sí, a menos de un 15%</translation>
    </message>
    <message>
        <source>no, they differ by more</source>
        <translation>no, difieren en más</translation>
    </message>
    <message>
        <source>Nothing was measured.</source>
        <translation>No se midió nada.</translation>
    </message>
</context>
<context>
    <name>wordrace::ScenarioDriver</name>
    <message>
        <source>&amp;Scenarios</source>
        <translation>E&amp;scenarios</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>Ejecutando…</translation>
    </message>
    <message>
        <source>Running experiment %1 of %2…</source>
        <translation>Ejecutando el experimento %1 de %2…</translation>
    </message>
    <message>
        <source>Verdict: %1</source>
        <translation>Veredicto: %1</translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation>Escenarios</translation>
    </message>
    <message>
        <source>The lesson&apos;s experiments: predict the outcome, run it, read the verdict</source>
        <translation>Los experimentos de la lección: predecir el resultado, ejecutarlo, leer el veredicto</translation>
    </message>
    <message>
        <source>Pick a prediction, or skip it, to run the scenario.</source>
        <translation>Elija una predicción, o sáltela, para ejecutar el escenario.</translation>
    </message>
</context>
<context>
    <name>wordrace::ScenarioPanel</name>
    <message>
        <source>Skip the prediction and run</source>
        <translation>Saltar la predicción y ejecutar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>Escenario</translation>
    </message>
    <message>
        <source>Scenario question</source>
        <translation>Pregunta del escenario</translation>
    </message>
    <message>
        <source>Run the scenario without predicting its outcome</source>
        <translation>Ejecutar el escenario sin predecir su resultado</translation>
    </message>
    <message>
        <source>Skip the prediction and run the scenario</source>
        <translation>Saltar la predicción y ejecutar el escenario</translation>
    </message>
    <message>
        <source>Scenario progress</source>
        <translation>Progreso del escenario</translation>
    </message>
    <message>
        <source>Scenario verdict</source>
        <translation>Veredicto del escenario</translation>
    </message>
    <message>
        <source>Scenario explanation</source>
        <translation>Explicación del escenario</translation>
    </message>
    <message>
        <source>Hide the scenario; its runs stay in the history</source>
        <translation>Ocultar el escenario; sus ejecuciones se quedan en el historial</translation>
    </message>
    <message>
        <source>Close the scenario</source>
        <translation>Cerrar el escenario</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1
Your prediction?</source>
        <translation>%1
¿Su predicción?</translation>
    </message>
    <message>
        <source>Predict “%1”, then run the scenario</source>
        <translation>Predecir «%1» y ejecutar el escenario</translation>
    </message>
    <message>
        <source>Predict: %1</source>
        <translation>Predecir: %1</translation>
    </message>
    <message>
        <source>%1
Your prediction: %2</source>
        <translation>%1
Su predicción: %2</translation>
    </message>
    <message>
        <source>Measured: %1</source>
        <translation>Medido: %1</translation>
    </message>
    <message>
        <source> — your prediction was right.</source>
        <translation> — su predicción era correcta.</translation>
    </message>
    <message>
        <source> — your prediction was “%1”.</source>
        <translation> — su predicción era «%1».</translation>
    </message>
</context>
<context>
    <name>wordrace::SessionController</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&amp;Open Session…</source>
        <translation>&amp;Abrir sesión…</translation>
    </message>
    <message>
        <source>Reopen a saved session: the experiment, every run and its charts</source>
        <translation>Reabrir una sesión guardada: el experimento, cada ejecución y sus gráficos</translation>
    </message>
    <message>
        <source>&amp;Save Session…</source>
        <translation>&amp;Guardar sesión…</translation>
    </message>
    <message>
        <source>Save the experiment and every run of this session to a .wordrace.json file</source>
        <translation>Guardar el experimento y cada ejecución de esta sesión en un archivo .wordrace.json</translation>
    </message>
    <message>
        <source>Export E&amp;verything…</source>
        <translation>Exportar &amp;todo…</translation>
    </message>
    <message>
        <source>Write the charts (PNG and SVG), the data files and the session into a new folder</source>
        <translation>Escribir los gráficos (PNG y SVG), los archivos de datos y la sesión en una carpeta nueva</translation>
    </message>
    <message>
        <source>Export &amp;Data</source>
        <translation>Exportar &amp;datos</translation>
    </message>
    <message>
        <source>Save the selected runs as %1</source>
        <translation>Guardar las ejecuciones seleccionadas como %1</translation>
    </message>
    <message>
        <source>Saved the session to %1</source>
        <translation>Sesión guardada en %1</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>Escribiendo %1…</translation>
    </message>
    <message>
        <source>The session was not saved.</source>
        <translation>No se guardó la sesión.</translation>
    </message>
    <message>
        <source>Nothing to export yet: press Run (F5) first.</source>
        <translation>Todavía no hay nada que exportar: pulse primero Ejecutar (F5).</translation>
    </message>
    <message>
        <source>The data was not exported.</source>
        <translation>No se exportaron los datos.</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>Escrito %1</translation>
    </message>
    <message>
        <source>Wait for the run to finish (or press Esc) before opening a session.</source>
        <translation>Espere a que termine la ejecución (o pulse Esc) antes de abrir una sesión.</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Abriendo %1…</translation>
    </message>
    <message>
        <source>%1 was not opened: a run started while it was read.</source>
        <translation>No se abrió %1: empezó una ejecución mientras se leía.</translation>
    </message>
    <message>
        <source>WordRace cannot open that session.</source>
        <translation>WordRace no puede abrir esa sesión.</translation>
    </message>
    <message>
        <source>Opened %1: one run in the history</source>
        <translation>Abierto %1: una ejecución en el historial</translation>
    </message>
    <message>
        <source>Opened %1: %2 runs in the history</source>
        <translation>Abierto %1: %2 ejecuciones en el historial</translation>
    </message>
    <message>
        <source>nothing to export: run an experiment, or select one in the history, first</source>
        <translation>nada que exportar: ejecute primero un experimento o seleccione uno en el historial</translation>
    </message>
    <message>
        <source>the folder %1 does not exist</source>
        <translation>la carpeta %1 no existe</translation>
    </message>
    <message>
        <source>cannot create a folder in %1: is it writable?</source>
        <translation>no se puede crear una carpeta en %1: ¿se puede escribir en ella?</translation>
    </message>
    <message>
        <source>Not everything was exported.</source>
        <translation>No se exportó todo.</translation>
    </message>
    <message>
        <source>Wrote %1 files into %2</source>
        <translation>Escritos %1 archivos en %2</translation>
    </message>
    <message>
        <source>Open a WordRace Session</source>
        <translation>Abrir una sesión de WordRace</translation>
    </message>
    <message>
        <source>WordRace sessions (*%1);;All files (*)</source>
        <translation>Sesiones de WordRace (*%1);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Save the Session</source>
        <translation>Guardar la sesión</translation>
    </message>
    <message>
        <source>WordRace sessions (*%1)</source>
        <translation>Sesiones de WordRace (*%1)</translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation>Exportar %1</translation>
    </message>
    <message>
        <source>Export Everything into a New Folder Inside…</source>
        <translation>Exportar todo a una carpeta nueva dentro de…</translation>
    </message>
    <message>
        <source>%1

Choose a folder you can write to and check that the disk has free space.</source>
        <translation>%1

Elija una carpeta en la que pueda escribir y compruebe que queda espacio en el disco.</translation>
    </message>
    <message>
        <source>WordRace</source>
        <translation>WordRace</translation>
    </message>
</context>
<context>
    <name>wordrace::SessionStatus</name>
    <message>
        <source>Warning: %1</source>
        <translation>Aviso: %1</translation>
    </message>
    <message>
        <source>Counting with %1…</source>
        <translation>Contando con %1…</translation>
    </message>
    <message>
        <source>%1 took %2 wall, %3 CPU</source>
        <translation>%1 tardó %2 de tiempo real, %3 de CPU</translation>
    </message>
</context>
<context>
    <name>wordrace::TimelineView</name>
    <message>
        <source>Per-worker timeline</source>
        <translation>Cronograma por trabajador</translation>
    </message>
    <message>
        <source>Press Run (F5): every task will appear here as a bar on the lane of the worker that counted it.</source>
        <translation>Pulse Ejecutar (F5): cada tarea aparecerá aquí como una barra en el carril del trabajador que la contó.</translation>
    </message>
    <message>
        <source>zoomed · Home or double-click shows all</source>
        <translation>ampliado · Inicio o doble clic lo muestra todo</translation>
    </message>
    <message>
        <source>%1&lt;br&gt;stopping after Cancel, %2 to %3: the workers were told to stop and the run waited for them</source>
        <translation>%1&lt;br&gt;parando tras Cancelar, de %2 a %3: se pidió a los trabajadores que pararan y la ejecución los esperó</translation>
    </message>
    <message>
        <source>%1&lt;br&gt;gather, %2 to %3: every task was done; the run waited for the workers&apos; last results and their exit</source>
        <translation>%1&lt;br&gt;recogida, de %2 a %3: todas las tareas estaban hechas; la ejecución esperó los últimos resultados de los trabajadores y su salida</translation>
    </message>
    <message>
        <source>%1&lt;br&gt;start-up, 0 to %2: the workers being created before their first task</source>
        <translation>%1&lt;br&gt;arranque, de 0 a %2: los trabajadores se están creando antes de su primera tarea</translation>
    </message>
    <message>
        <source>%1&lt;br&gt;idle at %2</source>
        <translation>%1&lt;br&gt;inactivo en %2</translation>
    </message>
    <message>
        <source>%1&lt;br&gt;chunk %2 of %3&lt;br&gt;words: %4&lt;br&gt;bytes: %5 (from offset %6)&lt;br&gt;start: %7&lt;br&gt;duration: %8</source>
        <translation>%1&lt;br&gt;bloque %2 de %3&lt;br&gt;palabras: %4&lt;br&gt;bytes: %5 (desde el desplazamiento %6)&lt;br&gt;inicio: %7&lt;br&gt;duración: %8</translation>
    </message>
    <message>
        <source>%1&lt;br&gt;%2 tasks too small to draw one by one: zoom in (mouse wheel or +) to see each&lt;br&gt;words: %3&lt;br&gt;bytes: %4&lt;br&gt;from %5 to %6</source>
        <translation>%1&lt;br&gt;%2 tareas demasiado pequeñas para dibujarlas una a una: acerque (rueda del ratón o +) para ver cada una&lt;br&gt;palabras: %3&lt;br&gt;bytes: %4&lt;br&gt;de %5 a %6</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;phases&lt;/b&gt; (summed; each pixel shows its largest):</source>
        <translation>&lt;br&gt;&lt;b&gt;fases&lt;/b&gt; (sumadas; cada píxel muestra la mayor):</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;phases&lt;/b&gt;, in the order drawn:</source>
        <translation>&lt;br&gt;&lt;b&gt;fases&lt;/b&gt;, en el orden dibujado:</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;i&gt;GIL waits are drawn together before the compute; they really interleave with it (a hand-over every 5 ms)&lt;/i&gt;</source>
        <translation>&lt;br&gt;&lt;i&gt;las esperas del GIL se dibujan juntas antes del cálculo; en realidad se intercalan con él (un relevo cada 5 ms)&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · sampled at %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · muestreado a %2</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;CPU busy&lt;/b&gt; (the machine&apos;s cores, whoever used them):</source>
        <translation>&lt;br&gt;&lt;b&gt;CPU ocupada&lt;/b&gt; (los núcleos de la máquina, los usara quien los usara):</translation>
    </message>
    <message>
        <source>CPU %1: %2%</source>
        <translation>CPU %1: %2%</translation>
    </message>
    <message>
        <source>&lt;br&gt;memory read at %1</source>
        <translation>&lt;br&gt;memoria leída a %1</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;memory&lt;/b&gt; (PSS: shared pages split between their users):</source>
        <translation>&lt;br&gt;&lt;b&gt;memoria&lt;/b&gt; (PSS: las páginas compartidas se reparten entre sus usuarios):</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;memory&lt;/b&gt; (RSS: shared pages counted in each process):</source>
        <translation>&lt;br&gt;&lt;b&gt;memoria&lt;/b&gt; (RSS: las páginas compartidas se cuentan en cada proceso):</translation>
    </message>
    <message>
        <source>series %1</source>
        <translation>serie %1</translation>
    </message>
    <message>
        <source>not running</source>
        <translation>sin ejecutar</translation>
    </message>
    <message>
        <source>&lt;br&gt;peak of the run, all processes together: %1</source>
        <translation>&lt;br&gt;pico de la ejecución, todos los procesos juntos: %1</translation>
    </message>
    <message>
        <source>One lane per worker thread or process, one bar per task, one group of lanes per mode on a shared time axis. Mouse wheel or plus and minus zoom, drag or Shift and the arrow keys pan, Home resets. Up and Down pick a row, then Left and Right read its tasks one by one.</source>
        <translation>Un carril por hilo o proceso trabajador, una barra por tarea, un grupo de carriles por modo sobre un eje de tiempo común. La rueda del ratón o más y menos acercan, arrastrar o Mayús y las flechas desplazan, Inicio lo restablece. Arriba y Abajo eligen una fila, después Izquierda y Derecha leen sus tareas una a una.</translation>
    </message>
</context>
<context>
    <name>wordrace::Units</name>
    <message>
        <source>n/a</source>
        <translation>n/d</translation>
    </message>
    <message>
        <source>1 byte</source>
        <translation>1 byte</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 bytes</translation>
    </message>
</context>
<context>
    <name>wordrace::WalkthroughDriver</name>
    <message>
        <source>Running…</source>
        <translation>Ejecutando…</translation>
    </message>
    <message>
        <source>Running experiment %1 of %2…</source>
        <translation>Ejecutando el experimento %1 de %2…</translation>
    </message>
    <message>
        <source>%1: %2 experiments, %3 runs</source>
        <translation>%1: %2 experimentos, %3 ejecuciones</translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation>Preparando…</translation>
    </message>
    <message>
        <source>That was the last step. Esc leaves the walkthrough.</source>
        <translation>Ese era el último paso. Esc sale del recorrido.</translation>
    </message>
    <message>
        <source>%1: %2 vote(s)</source>
        <translation>%1: %2 voto(s)</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3

%4

The class predicted: %5</source>
        <translation>Paso %1 de %2: %3

%4

La clase predijo: %5</translation>
    </message>
    <message>
        <source>Measured: %1</source>
        <translation>Medido: %1</translation>
    </message>
    <message>
        <source>WordRace — presenter&apos;s notes</source>
        <translation>WordRace — notas del presentador</translation>
    </message>
</context>
<context>
    <name>wordrace::WalkthroughPage</name>
    <message>
        <source>%1 (1 vote)</source>
        <translation>%1 (1 voto)</translation>
    </message>
    <message>
        <source>%1 (%2 votes)</source>
        <translation>%1 (%2 votos)</translation>
    </message>
    <message>
        <source>The class said: %1. Measured: %2.</source>
        <translation>La clase dijo: %1. Medido: %2.</translation>
    </message>
    <message>
        <source>The class said: %1.</source>
        <translation>La clase dijo: %1.</translation>
    </message>
    <message>
        <source>Details (D)</source>
        <translation>Detalles (D)</translation>
    </message>
    <message>
        <source>Lesson walkthrough</source>
        <translation>Recorrido de la lección</translation>
    </message>
    <message>
        <source>Measured answer</source>
        <translation>Respuesta medida</translation>
    </message>
    <message>
        <source>The measured numbers behind the answer (D)</source>
        <translation>Los números medidos detrás de la respuesta (D)</translation>
    </message>
    <message>
        <source>Press %1 (or click) for a vote for this answer</source>
        <translation>Pulse %1 (o haga clic) para votar por esta respuesta</translation>
    </message>
    <message>
        <source>Votes for %1</source>
        <translation>Votos para %1</translation>
    </message>
    <message>
        <source>Step %1 of %2 · %3</source>
        <translation>Paso %1 de %2 · %3</translation>
    </message>
    <message>
        <source>The class predicted it %1 of %2 times.</source>
        <translation>La clase lo predijo %1 de %2 veces.</translation>
    </message>
    <message>
        <source>Vote: keys 1–%1 or click an answer · PageDown: run it · PageUp: back · B: blank · Esc: leave</source>
        <translation>Votar: teclas 1–%1 o clic en una respuesta · AvPág: ejecutar · RePág: atrás · B: oscurecer · Esc: salir</translation>
    </message>
    <message>
        <source>Running… Esc cancels</source>
        <translation>Ejecutando… Esc cancela</translation>
    </message>
    <message>
        <source>PageDown: next step · PageUp: the question again · D: details · Esc: leave</source>
        <translation>AvPág: paso siguiente · RePág: otra vez la pregunta · D: detalles · Esc: salir</translation>
    </message>
    <message>
        <source>The last step · PageUp: the question again · D: details · Esc: leave</source>
        <translation>El último paso · RePág: otra vez la pregunta · D: detalles · Esc: salir</translation>
    </message>
</context>
<context>
    <name>wordrace::WallCpuChart</name>
    <message>
        <source>wall time</source>
        <translation>tiempo real</translation>
    </message>
    <message>
        <source>CPU user</source>
        <translation>CPU usuario</translation>
    </message>
    <message>
        <source>CPU sys</source>
        <translation>CPU sistema</translation>
    </message>
    <message>
        <source>parent process only: what %time shows</source>
        <translation>solo el proceso padre: lo que muestra %time</translation>
    </message>
    <message>
        <source>n runs: the median run, middle half, min–max</source>
        <translation>n ejecuciones: la ejecución mediana, la mitad central, mín.–máx.</translation>
    </message>
    <message>
        <source>Press Run (F5): each mode&apos;s wall time will appear here above the CPU time it used.</source>
        <translation>Pulse Ejecutar (F5): el tiempo real de cada modo aparecerá aquí encima del tiempo de CPU que usó.</translation>
    </message>
    <message>
        <source> · median of %1, %2 to %3</source>
        <translation> · mediana de %1, de %2 a %3</translation>
    </message>
    <message>
        <source>wall %1</source>
        <translation>real %1</translation>
    </message>
    <message>
        <source> · %time sees %1</source>
        <translation> · %time ve %1</translation>
    </message>
    <message>
        <source>CPU %1</source>
        <translation>CPU %1</translation>
    </message>
    <message>
        <source>run %1</source>
        <translation>ejecución %1</translation>
    </message>
    <message>
        <source>%1 runs · %2 cores busy</source>
        <translation>%1 ejec. · %2 núcleos ocupados</translation>
    </message>
    <message>
        <source>%1 cores busy</source>
        <translation>%1 núcleos ocupados</translation>
    </message>
    <message>
        <source>%1 wall</source>
        <translation>%1 real</translation>
    </message>
    <message>
        <source>%1 CPU user</source>
        <translation>%1 CPU usuario</translation>
    </message>
    <message>
        <source>%1 CPU sys</source>
        <translation>%1 CPU sistema</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>segundos</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;br&gt;the bars are the median run of %1 (run %2)&lt;br&gt;median %3&lt;br&gt;middle half %4 to %5 (the thick band)&lt;br&gt;min %6, max %7 (the whisker)&lt;br&gt;mean %8 ± %9 (σ)</source>
        <translation>&lt;br&gt;&lt;br&gt;las barras son la ejecución mediana de %1 (ejecución %2)&lt;br&gt;mediana %3&lt;br&gt;mitad central de %4 a %5 (la banda gruesa)&lt;br&gt;mín. %6, máx. %7 (el bigote)&lt;br&gt;media %8 ± %9 (σ)</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;wall time: %2&lt;br&gt;from the first task handed out to the last worker gone</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;tiempo real: %2&lt;br&gt;desde la primera tarea repartida hasta que se va el último trabajador</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;CPU time: %2 (user %3, sys %4)&lt;br&gt;parent process alone: %5&lt;br&gt;CPU / wall: %6 cores busy on average</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;tiempo de CPU: %2 (usuario %3, sistema %4)&lt;br&gt;proceso padre solo: %5&lt;br&gt;CPU / real: %6 núcleos ocupados de media</translation>
    </message>
</context>
</TS>
