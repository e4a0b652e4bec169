<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name></name>
    <message>
        <source>Printing…</source>
        <translation>Imprimiendo…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Printing the packet</source>
        <translation>Imprimiendo el paquete</translation>
    </message>
    <message>
        <source>Printing progress</source>
        <translation>Progreso de la impresión</translation>
    </message>
    <message>
        <source>Keeping a backup copy…</source>
        <extracomment>How long to wait for the worker between two looks at the window&apos;s events. The case file a backup was put back into (after it was reopened). Ask which backup and confirm; tests replace these to avoid modal dialogs.</extracomment>
        <translation>Guardando una copia de seguridad…</translation>
    </message>
    <message>
        <source>Skip this backup</source>
        <translation>Omitir esta copia</translation>
    </message>
    <message>
        <source>RecordsTableModel</source>
        <comment>Kind</comment>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>RecordsTableModel</source>
        <comment>Title</comment>
        <translation>Título</translation>
    </message>
    <message>
        <source>RecordsTableModel</source>
        <comment>Institution</comment>
        <translation>Centro</translation>
    </message>
    <message>
        <source>RecordsTableModel</source>
        <comment>Pages</comment>
        <translation>Páginas</translation>
    </message>
    <message>
        <source>RecordsTableModel</source>
        <comment>Found in text</comment>
        <translation>Encontrado en el texto</translation>
    </message>
    <message>
        <source>Making the packet…</source>
        <translation>Preparando el paquete…</translation>
    </message>
    <message>
        <source>Making the packet</source>
        <translation>Preparando el paquete</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>Progreso de la exportación</translation>
    </message>
    <message>
        <source>The packet is ready</source>
        <translation>El paquete está listo</translation>
    </message>
    <message>
        <source>The packet is saved as %1.</source>
        <translation>El paquete se guardó como %1.</translation>
    </message>
    <message>
        <source>Not included: %1 — %2</source>
        <translation>No incluido: %1 — %2</translation>
    </message>
    <message>
        <source>The archive is saved as %1.</source>
        <translation>El archivo comprimido se guardó como %1.</translation>
    </message>
    <message>
        <source>Open the packet</source>
        <translation>Abrir el paquete</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>Mostrar en la carpeta</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Opinion Desktop</source>
        <extracomment>The distribution name in pyproject.toml (``[project] name``).</extracomment>
        <translation>Acerca de Opinion Desktop</translation>
    </message>
    <message>
        <source>Opinion Desktop icon</source>
        <translation>Icono de Opinion Desktop</translation>
    </message>
    <message>
        <source>Opinion Desktop</source>
        <translation>Opinion Desktop</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Versión %1</translation>
    </message>
    <message>
        <source>Version not recorded</source>
        <translation>Versión no registrada</translation>
    </message>
    <message>
        <source>Opinion Desktop keeps every record of a cancer case — pathology reports, lab results, imaging reports, consult notes and letters — in one file on this computer, finds any of them in seconds, puts the first and second opinions side by side and prepares a packet for the specialist giving the second opinion.</source>
        <translation>Opinion Desktop guarda todos los registros de un caso de cáncer (informes de anatomía patológica, análisis de laboratorio, informes de imagen, notas de consulta y cartas) en un solo archivo en este ordenador, encuentra cualquiera de ellos en segundos, pone la primera y la segunda opinión lado a lado y prepara un paquete para el especialista que da la segunda opinión.</translation>
    </message>
    <message>
        <source>It never connects to the internet: nothing leaves this computer unless you export it.</source>
        <translation>Nunca se conecta a internet: nada sale de este ordenador a menos que usted lo exporte.</translation>
    </message>
    <message>
        <source>Free software under the MIT licence: you may use, copy and share it.</source>
        <translation>Software libre con licencia MIT: puede usarlo, copiarlo y compartirlo.</translation>
    </message>
</context>
<context>
    <name>BackgroundTask</name>
    <message>
        <source>Something went wrong while working; your case file is safe.</source>
        <translation>Algo salió mal durante el trabajo; su archivo del caso está a salvo.</translation>
    </message>
</context>
<context>
    <name>BackupsTableModel</name>
    <message>
        <source>Taken on</source>
        <translation>Hecha el</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Registros</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Taken when the case was closed</source>
        <translation>Hecha al cerrar el caso</translation>
    </message>
    <message>
        <source>Kept before a restore</source>
        <translation>Guardada antes de una restauración</translation>
    </message>
    <message>
        <source>Chosen file</source>
        <translation>Archivo elegido</translation>
    </message>
</context>
<context>
    <name>BiomarkersEditor</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
</context>
<context>
    <name>BirthDateEdit</name>
    <message>
        <source>Day of birth</source>
        <translation>Día de nacimiento</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Día</translation>
    </message>
    <message>
        <source>Month of birth</source>
        <translation>Mes de nacimiento</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mes</translation>
    </message>
    <message>
        <source>Year of birth</source>
        <translation>Año de nacimiento</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Año</translation>
    </message>
    <message>
        <source>Choose the day, the month and the year of birth, or none of them.</source>
        <translation>Elija el día, el mes y el año de nacimiento, o ninguno de los tres.</translation>
    </message>
    <message>
        <source>That day does not exist in that month.</source>
        <translation>Ese día no existe en ese mes.</translation>
    </message>
    <message>
        <source>The date of birth cannot be in the future.</source>
        <translation>La fecha de nacimiento no puede ser posterior a hoy.</translation>
    </message>
</context>
<context>
    <name>CaseExtras</name>
    <message>
        <source>Opinions</source>
        <translation>Opiniones</translation>
    </message>
    <message>
        <source>Lab results</source>
        <translation>Laboratorio</translation>
    </message>
    <message>
        <source>Packets sent</source>
        <translation>Paquetes enviados</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>&amp;Export packet for a specialist…</source>
        <translation>E&amp;xportar paquete para un especialista…</translation>
    </message>
    <message>
        <source>Print &amp;bundle…</source>
        <translation>Im&amp;primir paquete…</translation>
    </message>
    <message>
        <source>Res&amp;tore backup…</source>
        <translation>Restaurar una copia de seguri&amp;dad…</translation>
    </message>
    <message>
        <source>Create &amp;opinion from this record…</source>
        <translation>Crear una &amp;opinión a partir de este registro…</translation>
    </message>
    <message>
        <source>&amp;History of changes</source>
        <translation>&amp;Historial de cambios</translation>
    </message>
    <message>
        <source>&amp;Opinions</source>
        <translation>&amp;Opiniones</translation>
    </message>
</context>
<context>
    <name>CaseSecurity</name>
    <message>
        <source>Protect with a &amp;passphrase…</source>
        <extracomment>Tries at the passphrase before the window gives up opening a case. The questions asked; tests replace them to answer without modal dialogs.</extracomment>
        <translation>Proteger con una &amp;frase de acceso…</translation>
    </message>
    <message>
        <source>C&amp;hange passphrase…</source>
        <translation>Ca&amp;mbiar la frase de acceso…</translation>
    </message>
    <message>
        <source>Remo&amp;ve passphrase…</source>
        <translation>&amp;Quitar la frase de acceso…</translation>
    </message>
    <message>
        <source>Protecting the case…</source>
        <translation>Protegiendo el caso…</translation>
    </message>
    <message>
        <source>The case is now protected with a passphrase.</source>
        <translation>El caso ya está protegido con una frase de acceso.</translation>
    </message>
    <message>
        <source>Changing the passphrase…</source>
        <translation>Cambiando la frase de acceso…</translation>
    </message>
    <message>
        <source>The passphrase was changed.</source>
        <translation>Se cambió la frase de acceso.</translation>
    </message>
    <message>
        <source>Removing the passphrase…</source>
        <translation>Quitando la frase de acceso…</translation>
    </message>
    <message>
        <source>The case no longer has a passphrase.</source>
        <translation>El caso ya no tiene frase de acceso.</translation>
    </message>
    <message>
        <source>The passphrase was not changed</source>
        <translation>No se cambió la frase de acceso</translation>
    </message>
</context>
<context>
    <name>ComparisonTableModel</name>
    <message>
        <source>Nothing to compare yet: none of the items is stated.</source>
        <translation>Todavía no hay nada que comparar: ninguna opinión indica estos aspectos.</translation>
    </message>
    <message>
        <source>The 1 item stated agrees.</source>
        <translation>El único aspecto indicado coincide.</translation>
    </message>
    <message>
        <source>Unknown clinician</source>
        <translation>Médico desconocido</translation>
    </message>
    <message>
        <source>Not stated in this opinion.</source>
        <translation>Esta opinión no lo indica.</translation>
    </message>
    <message>
        <source>All %1 items agree.</source>
        <translation>Los %1 aspectos coinciden.</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Aspecto</translation>
    </message>
    <message>
        <source>Agree?</source>
        <translation>¿Coinciden?</translation>
    </message>
    <message>
        <source>Not stated</source>
        <translation>No se indica</translation>
    </message>
    <message>
        <source>differs</source>
        <translation>difiere</translation>
    </message>
    <message>
        <source>same</source>
        <translation>igual</translation>
    </message>
    <message>
        <source>The opinions do not agree on this item.</source>
        <translation>Las opiniones no coinciden en este aspecto.</translation>
    </message>
    <message>
        <source>The opinions agree on this item.</source>
        <translation>Las opiniones coinciden en este aspecto.</translation>
    </message>
    <message>
        <source>From “%1”</source>
        <translation>De «%1»</translation>
    </message>
    <message>
        <source>Double-click to open this record.</source>
        <translation>Haga doble clic para abrir este registro.</translation>
    </message>
    <message>
        <source>What they say</source>
        <translation>Lo que dicen</translation>
    </message>
    <message>
        <source>About these opinions</source>
        <translation>Sobre estas opiniones</translation>
    </message>
    <message>
        <source>record %1</source>
        <translation>registro %1</translation>
    </message>
    <message>
        <source>%1 of %2 items differ: %3</source>
        <translation>%1 de %2 aspectos difieren: %3</translation>
    </message>
</context>
<context>
    <name>ComparisonView</name>
    <message>
        <source>≠ differs (in bold, shaded): the opinions do not agree on this item.   — : not stated.   Double-click a value to open the record it came from.</source>
        <translation>≠ difiere (en negrita y sombreado): las opiniones no coinciden en este aspecto.   — : no se indica.   Haga doble clic en un valor para abrir el registro del que procede.</translation>
    </message>
    <message>
        <source>Opinions to compare</source>
        <translation>Opiniones que comparar</translation>
    </message>
    <message>
        <source>Compare:</source>
        <translation>Comparar:</translation>
    </message>
    <message>
        <source>Opinions side by side</source>
        <translation>Opiniones lado a lado</translation>
    </message>
    <message>
        <source>One item per row, one opinion per column. Rows marked “≠ differs” are items the opinions do not agree on. Press Enter on a value to open its record.</source>
        <translation>Un aspecto por fila y una opinión por columna. Las filas marcadas con «≠ difiere» son aspectos en los que las opiniones no coinciden. Pulse Intro sobre un valor para abrir su registro.</translation>
    </message>
    <message>
        <source>&amp;Open the source record</source>
        <translation>&amp;Abrir el registro de origen</translation>
    </message>
    <message>
        <source>Open the record this value came from</source>
        <translation>Abrir el registro del que procede este valor</translation>
    </message>
    <message>
        <source>Save comparison as &amp;PDF…</source>
        <translation>Guardar como &amp;PDF…</translation>
    </message>
    <message>
        <source>Save comparison as PDF</source>
        <translation>Guardar la comparación como PDF</translation>
    </message>
    <message>
        <source>Compare %1</source>
        <translation>Comparar %1</translation>
    </message>
    <message>
        <source>No opinions yet. Add one, or create one from a record.</source>
        <translation>Todavía no hay opiniones. Añada una o créela a partir de un registro.</translation>
    </message>
    <message>
        <source>Tick the opinions you want to compare.</source>
        <translation>Marque las opiniones que desea comparar.</translation>
    </message>
    <message>
        <source>Tick a second opinion to compare it with.</source>
        <translation>Marque una segunda opinión para compararlas.</translation>
    </message>
    <message>
        <source>Pathologic stage</source>
        <translation>Estadio patológico</translation>
    </message>
    <message>
        <source>Agree?</source>
        <translation>¿Coinciden?</translation>
    </message>
    <message>
        <source>differs</source>
        <translation>difiere</translation>
    </message>
    <message>
        <source>Select a value to see where it came from.</source>
        <translation>Seleccione un valor para ver de dónde procede.</translation>
    </message>
    <message>
        <source>Opinions side by side.pdf</source>
        <translation>Opiniones lado a lado.pdf</translation>
    </message>
    <message>
        <source>The PDF could not be saved there. Try another folder.</source>
        <translation>No se pudo guardar el PDF ahí. Pruebe con otra carpeta.</translation>
    </message>
</context>
<context>
    <name>DocumentViewer</name>
    <message>
        <source>Document of this record</source>
        <extracomment>The text of each page of a document: ``case.records.pages``.</extracomment>
        <translation>Documento de este registro</translation>
    </message>
    <message>
        <source>About this document</source>
        <translation>Sobre este documento</translation>
    </message>
    <message>
        <source>Warning about this page</source>
        <translation>Aviso sobre esta página</translation>
    </message>
    <message>
        <source>Choose a record to see its document.</source>
        <translation>Elija un registro para ver su documento.</translation>
    </message>
    <message>
        <source>Document text</source>
        <translation>Texto del documento</translation>
    </message>
    <message>
        <source>Show recognised text</source>
        <translation>Mostrar el texto reconocido</translation>
    </message>
    <message>
        <source>Show recognised text beside the page (Ctrl+T)</source>
        <translation>Mostrar el texto reconocido junto a la página (Ctrl+T)</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Página anterior</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Página siguiente</translation>
    </message>
    <message>
        <source>Page number</source>
        <translation>Número de página</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Alejar</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Acercar</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Ajustar al ancho</translation>
    </message>
    <message>
        <source>Document %1: %2 (%3)</source>
        <translation>Documento %1: %2 (%3)</translation>
    </message>
    <message>
        <source>This record has no document.</source>
        <translation>Este registro no tiene documento.</translation>
    </message>
    <message>
        <source>%1 cannot be shown here, but it is kept safely in the case file.</source>
        <translation>%1 no se puede mostrar aquí, pero se guarda de forma segura en el archivo del caso.</translation>
    </message>
    <message>
        <source>Hide recognised text</source>
        <translation>Ocultar el texto reconocido</translation>
    </message>
    <message>
        <source>Hide the page&apos;s text</source>
        <translation>Ocultar el texto de la página</translation>
    </message>
    <message>
        <source>Hide the text beside the page (Ctrl+T)</source>
        <translation>Ocultar el texto junto a la página (Ctrl+T)</translation>
    </message>
    <message>
        <source>Show the page&apos;s text</source>
        <translation>Mostrar el texto de la página</translation>
    </message>
    <message>
        <source>Show the text of the page beside it (Ctrl+T)</source>
        <translation>Mostrar el texto de la página a su lado (Ctrl+T)</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Página %1 de %2</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Print the packet</source>
        <translation>Imprimir el paquete</translation>
    </message>
    <message>
        <source>Export a packet</source>
        <translation>Exportar un paquete</translation>
    </message>
    <message>
        <source>Order of the records</source>
        <translation>Orden de los registros</translation>
    </message>
    <message>
        <source>By kind, then date</source>
        <translation>Por tipo y después por fecha</translation>
    </message>
    <message>
        <source>By date, oldest first</source>
        <translation>Por fecha, los más antiguos primero</translation>
    </message>
    <message>
        <source>Recipient&apos;s name</source>
        <translation>Nombre del destinatario</translation>
    </message>
    <message>
        <source>e.g. Dr. Priya Mehta</source>
        <translation>p. ej., Dra. Priya Mehta</translation>
    </message>
    <message>
        <source>Recipient&apos;s hospital or clinic</source>
        <translation>Hospital o clínica del destinatario</translation>
    </message>
    <message>
        <source>e.g. University Cancer Center</source>
        <translation>p. ej., Centro Oncológico Universitario</translation>
    </message>
    <message>
        <source>Reason for the consult</source>
        <translation>Motivo de la consulta</translation>
    </message>
    <message>
        <source>Why you are asking for a second opinion, in your own words</source>
        <translation>Por qué pide una segunda opinión, con sus propias palabras</translation>
    </message>
    <message>
        <source>Your questions</source>
        <translation>Sus preguntas</translation>
    </message>
    <message>
        <source>One question per line</source>
        <translation>Una pregunta por línea</translation>
    </message>
    <message>
        <source>Stamp every page with my name, date of birth and page number</source>
        <translation>Poner en cada página mi nombre, mi fecha de nacimiento y el número de página</translation>
    </message>
    <message>
        <source>Page number prefix</source>
        <translation>Prefijo del número de página</translation>
    </message>
    <message>
        <source>optional, e.g. MEHTA</source>
        <translation>opcional, p. ej., MEHTA</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>opcional</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Repita la contraseña</translation>
    </message>
    <message>
        <source>type it again</source>
        <translation>escríbala de nuevo</translation>
    </message>
    <message>
        <source>Mark every page &quot;CONFIDENTIAL&quot;</source>
        <translation>Marcar cada página como &quot;CONFIDENCIAL&quot;</translation>
    </message>
    <message>
        <source>When a document cannot be read</source>
        <translation>Si un documento no se puede leer</translation>
    </message>
    <message>
        <source>Stop and tell me</source>
        <translation>Detenerse y avisarme</translation>
    </message>
    <message>
        <source>Go on, and list it as not included</source>
        <translation>Continuar e indicarlo como no incluido</translation>
    </message>
    <message>
        <source>Also save the original files (ZIP)</source>
        <translation>Guardar también los originales (ZIP)</translation>
    </message>
    <message>
        <source>Also save an archive (ZIP) with the original files, next to the packet</source>
        <translation>Guardar también un archivo comprimido (ZIP) con los archivos originales, junto al paquete</translation>
    </message>
    <message>
        <source>Records chosen</source>
        <translation>Registros elegidos</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimir…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Who is it for?</source>
        <translation>¿Para quién es?</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Guardados</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Hospital</source>
        <translation>Hospital</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Preguntas</translation>
    </message>
    <message>
        <source>Which records?</source>
        <translation>¿Qué registros?</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Orden</translation>
    </message>
    <message>
        <source>Pages and protection</source>
        <translation>Páginas y protección</translation>
    </message>
    <message>
        <source>Number prefix</source>
        <translation>Prefijo del número</translation>
    </message>
    <message>
        <source>Again</source>
        <translation>Otra vez</translation>
    </message>
    <message>
        <source>Unreadable file</source>
        <translation>Archivo ilegible</translation>
    </message>
    <message>
        <source>specialist</source>
        <translation>especialista</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Registros</translation>
    </message>
    <message>
        <source>%1 - packet for %2 %3.pdf</source>
        <translation>%1 - paquete para %2 %3.pdf</translation>
    </message>
    <message>
        <source>Type the recipient&apos;s name before saving a preset.</source>
        <translation>Escriba el nombre del destinatario antes de guardarlo.</translation>
    </message>
    <message>
        <source>Choose at least one record.</source>
        <translation>Elija al menos un registro.</translation>
    </message>
    <message>
        <source>The two passwords are not the same; please type them again.</source>
        <translation>Las dos contraseñas no son iguales; escríbalas de nuevo, por favor.</translation>
    </message>
    <message>
        <source>An archive would hold the original files unprotected; remove the password or untick the archive.</source>
        <translation>Un archivo comprimido guardaría los archivos originales sin protección; quite la contraseña o desmarque el archivo comprimido.</translation>
    </message>
    <message>
        <source>No record chosen yet</source>
        <translation>Todavía no ha elegido ningún registro</translation>
    </message>
</context>
<context>
    <name>FileChooser</name>
    <message>
        <source>Open a case file</source>
        <translation>Abrir un archivo de caso</translation>
    </message>
    <message>
        <source>Opinion Desktop case (*.opcase)</source>
        <translation>Caso de Opinion Desktop (*.opcase)</translation>
    </message>
    <message>
        <source>Save the new case file as</source>
        <translation>Guardar el nuevo archivo de caso como</translation>
    </message>
    <message>
        <source>Import files</source>
        <translation>Importar archivos</translation>
    </message>
    <message>
        <source>Medical records (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.txt);;All files (*)</source>
        <translation>Registros médicos (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.txt);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Import a folder</source>
        <translation>Importar una carpeta</translation>
    </message>
</context>
<context>
    <name>FilterPanel</name>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Show %s records</source>
        <translation>Mostrar registros de %s</translation>
    </message>
    <message>
        <source>Institution filter</source>
        <translation>Filtro por centro</translation>
    </message>
    <message>
        <source>&amp;Institution</source>
        <translation>&amp;Centro</translation>
    </message>
    <message>
        <source>Tag filter</source>
        <translation>Filtro por etiqueta</translation>
    </message>
    <message>
        <source>&amp;Tag</source>
        <translation>&amp;Etiqueta</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Desde</translation>
    </message>
    <message>
        <source>Filter from a date</source>
        <translation>Filtrar desde una fecha</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Fecha de inicio</translation>
    </message>
    <message>
        <source>T&amp;o</source>
        <translation>&amp;Hasta</translation>
    </message>
    <message>
        <source>Filter up to a date</source>
        <translation>Filtrar hasta una fecha</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Fecha de fin</translation>
    </message>
    <message>
        <source>Show &amp;all records</source>
        <translation>Mostrar &amp;todos los registros</translation>
    </message>
    <message>
        <source>Clear all filters</source>
        <translation>Quitar todos los filtros</translation>
    </message>
    <message>
        <source>All institutions</source>
        <translation>Todos los centros</translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation>Cualquier etiqueta</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <source>History</source>
        <extracomment>The id of a record whose change was double-clicked.</extracomment>
        <translation>Historial</translation>
    </message>
    <message>
        <source>Every change to the records and opinions of this case, newest first. Double-click a change to a record to open the record.</source>
        <translation>Todos los cambios en los registros y las opiniones de este caso, los más recientes primero. Haga doble clic en un cambio de un registro para abrir el registro.</translation>
    </message>
    <message>
        <source>Find changes</source>
        <translation>Buscar cambios</translation>
    </message>
    <message>
        <source>Find changes, e.g. HER2 or date of service</source>
        <translation>Buscar cambios, p. ej., HER2 o fecha de atención</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Cambios</translation>
    </message>
    <message>
        <source>No change to this case has been recorded yet.</source>
        <translation>Todavía no se ha registrado ningún cambio en este caso.</translation>
    </message>
    <message>
        <source>Open a case to see its history.</source>
        <translation>Abra un caso para ver su historial.</translation>
    </message>
    <message>
        <source>No change matches “%1”.</source>
        <translation>Ningún cambio coincide con «%1».</translation>
    </message>
    <message>
        <source>%1 of %2 changes match.</source>
        <translation>%1 de %2 cambios coinciden.</translation>
    </message>
    <message>
        <source>1 change.</source>
        <translation>1 cambio.</translation>
    </message>
    <message>
        <source>%1 changes.</source>
        <translation>%1 cambios.</translation>
    </message>
</context>
<context>
    <name>HistoryTableModel</name>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Record or opinion</source>
        <translation>Registro u opinión</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Cambio</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Antes</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Después</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>tipo</translation>
    </message>
    <message>
        <source>title</source>
        <translation>título</translation>
    </message>
    <message>
        <source>date of service</source>
        <translation>fecha de atención</translation>
    </message>
    <message>
        <source>institution</source>
        <translation>centro</translation>
    </message>
    <message>
        <source>clinician</source>
        <translation>médico</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>notas</translation>
    </message>
    <message>
        <source>tags</source>
        <translation>etiquetas</translation>
    </message>
    <message>
        <source>documents</source>
        <translation>documentos</translation>
    </message>
    <message>
        <source>specialty</source>
        <translation>especialidad</translation>
    </message>
    <message>
        <source>date</source>
        <translation>fecha</translation>
    </message>
    <message>
        <source>opinion type</source>
        <translation>tipo de opinión</translation>
    </message>
    <message>
        <source>diagnosis</source>
        <translation>diagnóstico</translation>
    </message>
    <message>
        <source>primary site</source>
        <translation>localización primaria</translation>
    </message>
    <message>
        <source>laterality</source>
        <translation>lado</translation>
    </message>
    <message>
        <source>histologic type</source>
        <translation>tipo histológico</translation>
    </message>
    <message>
        <source>grade</source>
        <translation>grado</translation>
    </message>
    <message>
        <source>clinical stage</source>
        <translation>estadio clínico</translation>
    </message>
    <message>
        <source>pathologic stage</source>
        <translation>estadio patológico</translation>
    </message>
    <message>
        <source>biomarkers</source>
        <translation>biomarcadores</translation>
    </message>
    <message>
        <source>treatment</source>
        <translation>tratamiento</translation>
    </message>
    <message>
        <source>rationale</source>
        <translation>motivos</translation>
    </message>
    <message>
        <source>tests ordered</source>
        <translation>pruebas solicitadas</translation>
    </message>
    <message>
        <source>uncertainty</source>
        <translation>dudas</translation>
    </message>
    <message>
        <source>based on</source>
        <translation>basada en</translation>
    </message>
    <message>
        <source>questions</source>
        <translation>preguntas</translation>
    </message>
    <message>
        <source>sources</source>
        <translation>fuentes</translation>
    </message>
    <message>
        <source>Record %1</source>
        <translation>Registro %1</translation>
    </message>
    <message>
        <source>Opinion %1</source>
        <translation>Opinión %1</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vacío)</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Añadido</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Cambiado</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Eliminado</translation>
    </message>
    <message>
        <source>records %1</source>
        <translation>registros %1</translation>
    </message>
    <message>
        <source>record %1</source>
        <translation>registro %1</translation>
    </message>
</context>
<context>
    <name>ImagePane</name>
    <message>
        <source>Document image</source>
        <translation>Imagen del documento</translation>
    </message>
</context>
<context>
    <name>ImportSummaryDialog</name>
    <message>
        <source>Import finished</source>
        <translation>Importación terminada</translation>
    </message>
    <message>
        <source>Files not added</source>
        <translation>Archivos no añadidos</translation>
    </message>
    <message>
        <source>Not added: %1 — %2</source>
        <translation>No añadido: %1 — %2</translation>
    </message>
    <message>
        <source>it could not be read</source>
        <translation>no se pudo leer</translation>
    </message>
    <message>
        <source>Already in the case: %1</source>
        <translation>Ya estaba en el caso: %1</translation>
    </message>
    <message>
        <source>Advice</source>
        <translation>Consejo</translation>
    </message>
</context>
<context>
    <name>LabValuesTableModel</name>
    <message>
        <source>Date unknown</source>
        <translation>Fecha desconocida</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Prueba</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unidad</translation>
    </message>
    <message>
        <source>Normal range</source>
        <translation>Rango normal</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>Indicador</translation>
    </message>
    <message>
        <source>Laboratory</source>
        <translation>Laboratorio</translation>
    </message>
    <message>
        <source>From record</source>
        <translation>Del registro</translation>
    </message>
    <message>
        <source>Double-click to open the record this value came from.</source>
        <translation>Haga doble clic para abrir el registro del que procede este valor.</translation>
    </message>
    <message>
        <source>Record %1</source>
        <translation>Registro %1</translation>
    </message>
    <message>
        <source>%1 (LOINC %2)</source>
        <translation>%1 (LOINC %2)</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Pathology</source>
        <translation>Anatomía patológica</translation>
    </message>
    <message>
        <source>Lab results</source>
        <translation>Análisis de laboratorio</translation>
    </message>
    <message>
        <source>Imaging</source>
        <translation>Imagen</translation>
    </message>
    <message>
        <source>Consult note</source>
        <translation>Nota de consulta</translation>
    </message>
    <message>
        <source>Operative report</source>
        <translation>Informe quirúrgico</translation>
    </message>
    <message>
        <source>Medication list</source>
        <translation>Lista de medicamentos</translation>
    </message>
    <message>
        <source>Genomic / biomarker</source>
        <translation>Genómica / biomarcadores</translation>
    </message>
    <message>
        <source>Correspondence</source>
        <translation>Correspondencia</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otros</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Alto</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Bajo</translation>
    </message>
    <message>
        <source>Critically high</source>
        <translation>Muy alto (crítico)</translation>
    </message>
    <message>
        <source>Critically low</source>
        <translation>Muy bajo (crítico)</translation>
    </message>
    <message>
        <source>Abnormal</source>
        <translation>Anormal</translation>
    </message>
    <message>
        <source>First opinion</source>
        <translation>Primera opinión</translation>
    </message>
    <message>
        <source>Second opinion</source>
        <translation>Segunda opinión</translation>
    </message>
    <message>
        <source>Pathology review</source>
        <translation>Revisión de anatomía patológica</translation>
    </message>
    <message>
        <source>Tumour board</source>
        <translation>Comité de tumores</translation>
    </message>
    <message>
        <source>Surgery</source>
        <translation>Cirugía</translation>
    </message>
    <message>
        <source>Chemotherapy</source>
        <translation>Quimioterapia</translation>
    </message>
    <message>
        <source>Radiation</source>
        <translation>Radioterapia</translation>
    </message>
    <message>
        <source>Endocrine</source>
        <translation>Hormonoterapia</translation>
    </message>
    <message>
        <source>Targeted</source>
        <translation>Terapia dirigida</translation>
    </message>
    <message>
        <source>Immunotherapy</source>
        <translation>Inmunoterapia</translation>
    </message>
    <message>
        <source>Clinical trial</source>
        <translation>Ensayo clínico</translation>
    </message>
    <message>
        <source>Surveillance</source>
        <translation>Seguimiento</translation>
    </message>
    <message>
        <source>Opinion type</source>
        <translation>Tipo de opinión</translation>
    </message>
    <message>
        <source>Clinician</source>
        <translation>Médico</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Centro</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>Diagnóstico</translation>
    </message>
    <message>
        <source>Rationale</source>
        <translation>Motivos</translation>
    </message>
    <message>
        <source>Tests ordered</source>
        <translation>Pruebas solicitadas</translation>
    </message>
    <message>
        <source>Uncertainty</source>
        <translation>Dudas</translation>
    </message>
    <message>
        <source>Primary site</source>
        <translation>Localización primaria</translation>
    </message>
    <message>
        <source>Laterality</source>
        <translation>Lado</translation>
    </message>
    <message>
        <source>Histologic type</source>
        <translation>Tipo histológico</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Grado</translation>
    </message>
    <message>
        <source>Clinical stage</source>
        <translation>Estadio clínico</translation>
    </message>
    <message>
        <source>Pathologic stage</source>
        <translation>Estadio patológico</translation>
    </message>
</context>
<context>
    <name>LabsPage</name>
    <message>
        <source>Find a test</source>
        <extracomment>The analyte list&apos;s item data: the analyte key (&quot;&quot; for every test).</extracomment>
        <translation>Buscar una prueba</translation>
    </message>
    <message>
        <source>Find a test by name</source>
        <translation>Buscar una prueba por su nombre</translation>
    </message>
    <message>
        <source>Tests</source>
        <translation>Pruebas</translation>
    </message>
    <message>
        <source>Only values outside the normal range</source>
        <translation>Solo los valores fuera del rango normal</translation>
    </message>
    <message>
        <source>Show only values outside the normal range</source>
        <translation>Mostrar solo los valores fuera del rango normal</translation>
    </message>
    <message>
        <source>Open the record it came from</source>
        <translation>Abrir el registro de origen</translation>
    </message>
    <message>
        <source>Open the record the chosen value came from</source>
        <translation>Abrir el registro del que procede el valor elegido</translation>
    </message>
    <message>
        <source>How many values are shown</source>
        <translation>Cuántos valores se muestran</translation>
    </message>
    <message>
        <source>No lab results</source>
        <translation>No hay análisis de laboratorio</translation>
    </message>
    <message>
        <source>Lab values</source>
        <translation>Valores de laboratorio</translation>
    </message>
    <message>
        <source>Values outside the normal range are marked ▲ high or ▼ low. Press Enter on a value to open the record it came from.</source>
        <translation>Los valores fuera del rango normal están marcados con ▲ alto o ▼ bajo. Pulse Intro sobre un valor para abrir el registro del que procede.</translation>
    </message>
    <message>
        <source>Open a case to see its lab results.</source>
        <translation>Abra un caso para ver sus análisis de laboratorio.</translation>
    </message>
    <message>
        <source>This case has no lab results as data yet. Import a download from a patient portal (FHIR or C-CDA) or a spreadsheet of results (CSV) to see them here.</source>
        <translation>Este caso todavía no tiene análisis de laboratorio como datos. Importe una descarga de un portal del paciente (FHIR o C-CDA) o una hoja de resultados (CSV) para verlos aquí.</translation>
    </message>
    <message>
        <source>All tests (%1)</source>
        <translation>Todas las pruebas (%1)</translation>
    </message>
    <message>
        <source> · %1 outside the range</source>
        <translation> · %1 fuera del rango</translation>
    </message>
    <message>
        <source>LOINC %1</source>
        <translation>LOINC %1</translation>
    </message>
    <message>
        <source>Units: %1</source>
        <translation>Unidades: %1</translation>
    </message>
    <message>
        <source>Choose a test on the left to see how its values changed.</source>
        <translation>Elija una prueba a la izquierda para ver cómo han cambiado sus valores.</translation>
    </message>
    <message>
        <source>%1 values</source>
        <translation>%1 valores</translation>
    </message>
    <message>
        <source>Showing %1 of %2 values</source>
        <translation>Se muestran %1 de %2 valores</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Opinion Desktop</source>
        <translation>Opinion Desktop</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Registros</translation>
    </message>
    <message>
        <source>&amp;New case…</source>
        <translation>&amp;Nuevo caso…</translation>
    </message>
    <message>
        <source>&amp;Open case…</source>
        <translation>&amp;Abrir caso…</translation>
    </message>
    <message>
        <source>Open the &amp;demo case</source>
        <translation>Abrir el caso de &amp;ejemplo</translation>
    </message>
    <message>
        <source>&amp;Import files…</source>
        <translation>&amp;Importar archivos…</translation>
    </message>
    <message>
        <source>Import &amp;folder…</source>
        <translation>Importar una carpe&amp;ta…</translation>
    </message>
    <message>
        <source>&amp;Close case</source>
        <translation>&amp;Cerrar el caso</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Buscar…</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>&amp;Acercar</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>A&amp;lejar</translation>
    </message>
    <message>
        <source>&amp;Fit to width</source>
        <translation>Ajustar al a&amp;ncho</translation>
    </message>
    <message>
        <source>&amp;Previous page</source>
        <translation>Página ante&amp;rior</translation>
    </message>
    <message>
        <source>&amp;Next page</source>
        <translation>Página &amp;siguiente</translation>
    </message>
    <message>
        <source>&amp;About Opinion Desktop</source>
        <translation>&amp;Acerca de Opinion Desktop</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Abrir &amp;reciente</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>No recent cases</source>
        <translation>No hay casos recientes</translation>
    </message>
    <message>
        <source>The case could not be opened</source>
        <translation>No se pudo abrir el caso</translation>
    </message>
    <message>
        <source>%1 — %2 — Opinion Desktop</source>
        <translation>%1 — %2 — Opinion Desktop</translation>
    </message>
    <message>
        <source>The case could not be created</source>
        <translation>No se pudo crear el caso</translation>
    </message>
    <message>
        <source>The demo case could not be made</source>
        <translation>No se pudo preparar el caso de ejemplo</translation>
    </message>
    <message>
        <source>The demo case is not available in this version.</source>
        <translation>El caso de ejemplo no está disponible en esta versión.</translation>
    </message>
    <message>
        <source>Open or create a case before importing files.</source>
        <translation>Abra o cree un caso antes de importar archivos.</translation>
    </message>
    <message>
        <source>Please wait: files are still being added.</source>
        <translation>Espere, por favor: todavía se están añadiendo archivos.</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Algo salió mal</translation>
    </message>
    <message>
        <source>Something went wrong. Your case file is safe, but the last action may not have finished.</source>
        <translation>Algo salió mal. Su archivo del caso está a salvo, pero es posible que la última acción no haya terminado.</translation>
    </message>
    <message>
        <source>Opinion Desktop</source>
        <translation>Opinion Desktop</translation>
    </message>
    <message>
        <source>Details were written to %1.</source>
        <translation>Los detalles se han guardado en %1.</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <source>New case</source>
        <translation>Nuevo caso</translation>
    </message>
    <message>
        <source>Who is this case about?</source>
        <translation>¿De quién es este caso?</translation>
    </message>
    <message>
        <source>Patient name</source>
        <translation>Nombre del paciente</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>Optional. Leave it empty if you prefer.</source>
        <translation>Opcional. Puede dejarla vacía.</translation>
    </message>
    <message>
        <source>Problem with the date of birth</source>
        <translation>Problema con la fecha de nacimiento</translation>
    </message>
    <message>
        <source>Pro&amp;tect this case with a passphrase</source>
        <translation>&amp;Proteger este caso con una frase de acceso</translation>
    </message>
    <message>
        <source>Protect this case with a passphrase</source>
        <translation>Proteger este caso con una frase de acceso</translation>
    </message>
    <message>
        <source>Only someone who knows the passphrase can open the case. A forgotten passphrase cannot be recovered.</source>
        <translation>Solo quien conozca la frase de acceso podrá abrir el caso. Si la olvida, no se puede recuperar.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frase de acceso</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>Repita la frase de acceso</translation>
    </message>
    <message>
        <source>The two passphrases are not the same yet.</source>
        <translation>Las dos frases de acceso todavía no son iguales.</translation>
    </message>
    <message>
        <source>The passphrases differ</source>
        <translation>Las frases de acceso no coinciden</translation>
    </message>
    <message>
        <source>Create the case</source>
        <translation>Crear el caso</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Patient &amp;name</source>
        <translation>&amp;Nombre del paciente</translation>
    </message>
    <message>
        <source>Date of &amp;birth</source>
        <translation>&amp;Fecha de nacimiento</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>Frase de a&amp;cceso</translation>
    </message>
    <message>
        <source>Type it &amp;again</source>
        <translation>Escríbala &amp;otra vez</translation>
    </message>
</context>
<context>
    <name>OpinionEditor</name>
    <message>
        <source>Unknown</source>
        <translation>Desconocido</translation>
    </message>
    <message>
        <source>Date of the opinion unknown</source>
        <translation>Fecha de la opinión desconocida</translation>
    </message>
    <message>
        <source>Left, right, both, or not applicable</source>
        <translation>Izquierdo, derecho, ambos o no corresponde</translation>
    </message>
    <message>
        <source>Who and when</source>
        <translation>Quién y cuándo</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>Diagnóstico</translation>
    </message>
    <message>
        <source>Why, and how sure</source>
        <translation>Por qué y con qué seguridad</translation>
    </message>
    <message>
        <source>Kind of opinion</source>
        <translation>Tipo de opinión</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Clinician</source>
        <translation>Médico</translation>
    </message>
    <message>
        <source>Specialty</source>
        <translation>Especialidad</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Centro</translation>
    </message>
    <message>
        <source>Diagnosis in words</source>
        <translation>Diagnóstico en palabras</translation>
    </message>
    <message>
        <source>Primary site</source>
        <translation>Localización primaria</translation>
    </message>
    <message>
        <source>Side (laterality)</source>
        <translation>Lado (lateralidad)</translation>
    </message>
    <message>
        <source>Histologic type</source>
        <translation>Tipo histológico</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Grado</translation>
    </message>
    <message>
        <source>Clinical stage</source>
        <translation>Estadio clínico</translation>
    </message>
    <message>
        <source>Pathologic stage</source>
        <translation>Estadio patológico</translation>
    </message>
    <message>
        <source>Biomarkers</source>
        <translation>Biomarcadores</translation>
    </message>
    <message>
        <source>Recommended treatment, in order</source>
        <translation>Tratamiento recomendado, en orden</translation>
    </message>
    <message>
        <source>Why (rationale)</source>
        <translation>Por qué (motivos)</translation>
    </message>
    <message>
        <source>Tests ordered</source>
        <translation>Pruebas solicitadas</translation>
    </message>
    <message>
        <source>What the clinician is unsure about</source>
        <translation>De qué no está seguro el médico</translation>
    </message>
    <message>
        <source>Records this opinion was based on</source>
        <translation>Registros en los que se basa esta opinión</translation>
    </message>
    <message>
        <source>Questions for the consult</source>
        <translation>Preguntas para la consulta</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>Cambiar %1</translation>
    </message>
</context>
<context>
    <name>OpinionsPage</name>
    <message>
        <source>&amp;New opinion</source>
        <extracomment>Records whose text is worth reading for an opinion&apos;s values, offered first.</extracomment>
        <translation>&amp;Nueva opinión</translation>
    </message>
    <message>
        <source>Opinion from a &amp;record…</source>
        <translation>Opinión a partir de un &amp;registro…</translation>
    </message>
    <message>
        <source>&amp;Compare opinions</source>
        <translation>&amp;Comparar opiniones</translation>
    </message>
    <message>
        <source>&amp;Delete opinion</source>
        <translation>&amp;Eliminar opinión</translation>
    </message>
    <message>
        <source>Opinions views</source>
        <translation>Vistas de las opiniones</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>Lado a lado</translation>
    </message>
    <message>
        <source>Each opinion</source>
        <translation>Cada opinión</translation>
    </message>
    <message>
        <source>Opinions</source>
        <translation>Opiniones</translation>
    </message>
    <message>
        <source>No case is open.</source>
        <translation>No hay ningún caso abierto.</translation>
    </message>
    <message>
        <source>No opinion yet. Add one with “New opinion”, or create one from a record.</source>
        <translation>Todavía no hay opiniones. Añada una con «Nueva opinión» o créela a partir de un registro.</translation>
    </message>
    <message>
        <source>New opinion</source>
        <translation>Nueva opinión</translation>
    </message>
    <message>
        <source>Opinion from “%1”</source>
        <translation>Opinión de «%1»</translation>
    </message>
    <message>
        <source>This case has no records to read an opinion from yet.</source>
        <translation>Este caso todavía no tiene registros de los que leer una opinión.</translation>
    </message>
    <message>
        <source>Opinion from a record</source>
        <translation>Opinión a partir de un registro</translation>
    </message>
    <message>
        <source>Which record should the opinion be read from?</source>
        <translation>¿De qué registro quiere leer la opinión?</translation>
    </message>
    <message>
        <source>Delete “%1”</source>
        <translation>Eliminar «%1»</translation>
    </message>
</context>
<context>
    <name>OpinionsTableModel</name>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Clinician</source>
        <translation>Médico</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Centro</translation>
    </message>
    <message>
        <source>Date unknown</source>
        <translation>Fecha desconocida</translation>
    </message>
    <message>
        <source>Clinician not named</source>
        <translation>Médico sin nombre</translation>
    </message>
</context>
<context>
    <name>PacketDestination</name>
    <message>
        <source>Save as</source>
        <translation>Guardar como</translation>
    </message>
    <message>
        <source>Packet file</source>
        <translation>Archivo del paquete</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>Choose where to save the packet</source>
        <translation>Elija dónde guardar el paquete</translation>
    </message>
    <message>
        <source>Also save an archive (ZIP) with the original files</source>
        <translation>Guardar también un archivo comprimido (ZIP) con los archivos originales</translation>
    </message>
    <message>
        <source>Archive file</source>
        <translation>Archivo comprimido</translation>
    </message>
    <message>
        <source>Choose where to save the archive</source>
        <translation>Elija dónde guardar el archivo comprimido</translation>
    </message>
    <message>
        <source>Packet (PDF)</source>
        <translation>Paquete (PDF)</translation>
    </message>
    <message>
        <source>Choose where to save the packet.</source>
        <translation>Elija dónde guardar el paquete.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>La carpeta %1 no existe.</translation>
    </message>
    <message>
        <source>Choose where to save the archive.</source>
        <translation>Elija dónde guardar el archivo comprimido.</translation>
    </message>
    <message>
        <source>The packet and the archive need different file names.</source>
        <translation>El paquete y el archivo comprimido necesitan nombres distintos.</translation>
    </message>
    <message>
        <source>Save the packet as</source>
        <translation>Guardar el paquete como</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Save the archive as</source>
        <translation>Guardar el archivo comprimido como</translation>
    </message>
    <message>
        <source>ZIP (*.zip)</source>
        <translation>ZIP (*.zip)</translation>
    </message>
</context>
<context>
    <name>PagePrinter</name>
    <message>
        <source>The packet could not be read for printing.</source>
        <extracomment>True when every page asked for was printed; False when cancelled or failed. A plain sentence when printing stopped on a problem (before ``finished``).</extracomment>
        <translation>No se pudo leer el paquete para imprimirlo.</translation>
    </message>
    <message>
        <source>The pages chosen are not in the packet.</source>
        <translation>Las páginas elegidas no están en el paquete.</translation>
    </message>
    <message>
        <source>The printer could not be started; check that it is ready.</source>
        <translation>No se pudo poner en marcha la impresora; compruebe que está lista.</translation>
    </message>
</context>
<context>
    <name>PageStack</name>
    <message>
        <source>Pages</source>
        <translation>Páginas</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frase de acceso</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>&amp;Frase de acceso</translation>
    </message>
    <message>
        <source>&amp;Current</source>
        <translation>&amp;Actual</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Nueva frase de acceso</translation>
    </message>
    <message>
        <source>New passphrase again</source>
        <translation>Repita la nueva frase de acceso</translation>
    </message>
    <message>
        <source>&amp;New passphrase</source>
        <translation>&amp;Nueva frase de acceso</translation>
    </message>
    <message>
        <source>Type it &amp;again</source>
        <translation>Escríbala de &amp;nuevo</translation>
    </message>
    <message>
        <source>&amp;Show passphrase</source>
        <translation>&amp;Mostrar la frase de acceso</translation>
    </message>
    <message>
        <source>Show passphrase</source>
        <translation>Mostrar la frase de acceso</translation>
    </message>
    <message>
        <source>The two new passphrases are not the same yet.</source>
        <translation>Las dos frases nuevas todavía no son iguales.</translation>
    </message>
    <message>
        <source>The new passphrases differ</source>
        <translation>Las frases de acceso nuevas no coinciden</translation>
    </message>
    <message>
        <source>Write the passphrase down and keep it somewhere safe. If it is forgotten, nobody can open this case again: it cannot be recovered.</source>
        <translation>Anote la frase de acceso y guárdela en un lugar seguro. Si se olvida, nadie podrá volver a abrir este caso: no se puede recuperar.</translation>
    </message>
    <message>
        <source>Passphrase needed</source>
        <translation>Se necesita la frase de acceso</translation>
    </message>
    <message>
        <source>Protect with a passphrase</source>
        <translation>Proteger con una frase de acceso</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>Cambiar la frase de acceso</translation>
    </message>
    <message>
        <source>Remove passphrase</source>
        <translation>Quitar la frase de acceso</translation>
    </message>
    <message>
        <source>%1 is protected with a passphrase. Type it to open the case.</source>
        <translation>%1 está protegido con una frase de acceso. Escríbala para abrir el caso.</translation>
    </message>
    <message>
        <source>From now on, %1 will open only with this passphrase. Everything in it, the documents too, is stored scrambled so that nobody else can read it.</source>
        <translation>A partir de ahora, %1 solo se abrirá con esta frase de acceso. Todo su contenido, también los documentos, se guarda cifrado para que nadie más pueda leerlo.</translation>
    </message>
    <message>
        <source>Type the passphrase %1 opens with now, then the new one twice.</source>
        <translation>Escriba la frase con la que se abre ahora %1 y después la nueva dos veces.</translation>
    </message>
    <message>
        <source>After this, anyone who has the file %1 can open it and read everything in it. Type the passphrase to confirm.</source>
        <translation>Después de esto, cualquiera que tenga el archivo %1 podrá abrirlo y leer todo su contenido. Escriba la frase de acceso para confirmarlo.</translation>
    </message>
</context>
<context>
    <name>PdfPane</name>
    <message>
        <source>Document pages</source>
        <extracomment>QPdfView takes as current the page under a line 40 % down the view; room below the last page lets every page, the last one too, reach that line (so paging and the text pane follow it).</extracomment>
        <translation>Páginas del documento</translation>
    </message>
</context>
<context>
    <name>ProposalsDialog</name>
    <message>
        <source>Create an opinion from a record</source>
        <translation>Crear una opinión a partir de un registro</translation>
    </message>
    <message>
        <source>Create an opinion from “%1”</source>
        <translation>Crear una opinión a partir de «%1»</translation>
    </message>
    <message>
        <source>record</source>
        <translation>registro</translation>
    </message>
    <message>
        <source>These values were found in the record&apos;s text, each under the sentence it came from. Tick each value that is right; correct a value first if it needs it. Nothing is added unless you tick it.</source>
        <translation>Estos valores se encontraron en el texto del registro, cada uno bajo la frase de la que procede. Marque cada valor que sea correcto; si hace falta, corríjalo antes. No se añade nada que usted no marque.</translation>
    </message>
    <message>
        <source>No values were found in this record&apos;s text. You can still create the opinion and fill it in by hand.</source>
        <translation>No se encontraron valores en el texto de este registro. Aun así, puede crear la opinión y rellenarla a mano.</translation>
    </message>
    <message>
        <source>Kind of opinion</source>
        <translation>Tipo de opinión</translation>
    </message>
    <message>
        <source>This opinion is a &amp;kind of:</source>
        <translation>Esta opinión es de &amp;tipo:</translation>
    </message>
    <message>
        <source>&amp;Create opinion</source>
        <translation>&amp;Crear la opinión</translation>
    </message>
    <message>
        <source>Create opinion</source>
        <translation>Crear la opinión</translation>
    </message>
    <message>
        <source>Cancel: create no opinion</source>
        <translation>Cancelar: no crear ninguna opinión</translation>
    </message>
    <message>
        <source>Accept %1</source>
        <translation>Aceptar %1</translation>
    </message>
    <message>
        <source>%1 value</source>
        <translation>Valor de %1</translation>
    </message>
    <message>
        <source>From the text: “%1”</source>
        <translation>Del texto: «%1»</translation>
    </message>
    <message>
        <source>and: “%1”</source>
        <translation>y: «%1»</translation>
    </message>
    <message>
        <source>%1 of %2 values ticked.</source>
        <translation>%1 de %2 valores marcados.</translation>
    </message>
</context>
<context>
    <name>QCoreApplication</name>
    <message>
        <source>RecordsTableModel</source>
        <comment>Date</comment>
        <extracomment>The record&apos;s id, for any cell of its row. A value that sorts correctly: dates as dates (undated last), pages as numbers. The whole :class:`Record` of the row. Makes the snippets of some records: ``{record id: snippet}`` (records without one left out). Reads every record, in the order of the first ones handed to the model (oldest first).</extracomment>
        <translation>Fecha</translation>
    </message>
</context>
<context>
    <name>QuestionsEditor</name>
    <message>
        <source>Question</source>
        <translation>Pregunta</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Respuesta</translation>
    </message>
    <message>
        <source>Answered by</source>
        <translation>Respondida por</translation>
    </message>
</context>
<context>
    <name>RecipientPresets</name>
    <message>
        <source>Saved recipients</source>
        <translation>Destinatarios guardados</translation>
    </message>
    <message>
        <source>Save preset</source>
        <translation>Guardar destinatario</translation>
    </message>
    <message>
        <source>Delete preset</source>
        <translation>Borrar destinatario</translation>
    </message>
    <message>
        <source>Choose a saved recipient…</source>
        <translation>Elija un destinatario guardado…</translation>
    </message>
</context>
<context>
    <name>RecognisedTextPane</name>
    <message>
        <source>Page of the recognised text</source>
        <extracomment>A recognised page read with less confidence than this is marked &quot;hard to read&quot;.</extracomment>
        <translation>Página del texto reconocido</translation>
    </message>
    <message>
        <source>Recognised text</source>
        <translation>Texto reconocido</translation>
    </message>
    <message>
        <source>Recognised text of page %1 (confidence %2)</source>
        <translation>Texto reconocido de la página %1 (fiabilidad %2)</translation>
    </message>
    <message>
        <source>Text of page %1</source>
        <translation>Texto de la página %1</translation>
    </message>
    <message>
        <source>No text was found on this page.</source>
        <translation>No se encontró texto en esta página.</translation>
    </message>
</context>
<context>
    <name>RecordChooser</name>
    <message>
        <source>All records</source>
        <translation>Todos los registros</translation>
    </message>
    <message>
        <source>By kind</source>
        <translation>Por tipo</translation>
    </message>
    <message>
        <source>By date</source>
        <translation>Por fecha</translation>
    </message>
    <message>
        <source>Choose one by one</source>
        <translation>Elegir uno a uno</translation>
    </message>
    <message>
        <source>Choose records: %1</source>
        <translation>Elegir registros: %1</translation>
    </message>
    <message>
        <source>Kinds of records to send</source>
        <translation>Tipos de registros que enviar</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Fecha de inicio</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Fecha de fin</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Records without a date are left out.</source>
        <translation>Los registros sin fecha no se incluyen.</translation>
    </message>
    <message>
        <source>Records to send</source>
        <translation>Registros que enviar</translation>
    </message>
    <message>
        <source>Tick all</source>
        <translation>Marcar todos</translation>
    </message>
    <message>
        <source>Untick all</source>
        <translation>Desmarcar todos</translation>
    </message>
    <message>
        <source>Every record of the case goes in the packet.</source>
        <translation>Todos los registros del caso van en el paquete.</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <source>Kind of record</source>
        <translation>Tipo de registro</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Date of service</source>
        <translation>Fecha de atención</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Desconocido</translation>
    </message>
    <message>
        <source>Date of service unknown</source>
        <translation>Fecha de atención desconocida</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Centro</translation>
    </message>
    <message>
        <source>Clinician</source>
        <translation>Médico</translation>
    </message>
    <message>
        <source>Tags, separated by commas</source>
        <translation>Etiquetas, separadas por comas</translation>
    </message>
    <message>
        <source>e.g. biopsy, left breast</source>
        <translation>p. ej., biopsia, mama izquierda</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Tipo</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Fecha</translation>
    </message>
    <message>
        <source>T&amp;itle</source>
        <translation>Tít&amp;ulo</translation>
    </message>
    <message>
        <source>I&amp;nstitution</source>
        <translation>&amp;Centro</translation>
    </message>
    <message>
        <source>C&amp;linician</source>
        <translation>&amp;Médico</translation>
    </message>
    <message>
        <source>Ta&amp;gs</source>
        <translation>&amp;Etiquetas</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>&amp;Notas</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>tipo</translation>
    </message>
    <message>
        <source>title</source>
        <translation>título</translation>
    </message>
    <message>
        <source>date</source>
        <translation>fecha</translation>
    </message>
    <message>
        <source>institution</source>
        <translation>centro</translation>
    </message>
    <message>
        <source>clinician</source>
        <translation>médico</translation>
    </message>
    <message>
        <source>tags</source>
        <translation>etiquetas</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>notas</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>Cambiar %1</translation>
    </message>
</context>
<context>
    <name>RecordsBrowser</name>
    <message>
        <source>Search all records: words, &quot;a phrase&quot;, or a prefix*</source>
        <translation>Buscar: palabras, &quot;una frase&quot; o un prefijo*</translation>
    </message>
    <message>
        <source>Search records</source>
        <translation>Buscar registros</translation>
    </message>
    <message>
        <source>Drag to show or hide the filters</source>
        <translation>Arrastre para mostrar u ocultar los filtros</translation>
    </message>
    <message>
        <source>No record selected</source>
        <translation>Ningún registro seleccionado</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(sin título)</translation>
    </message>
    <message>
        <source>No record matches “%1”.</source>
        <translation>Ningún registro coincide con «%1».</translation>
    </message>
    <message>
        <source>%1 of %2 records match “%3”.</source>
        <translation>%1 de %2 registros coinciden con «%3».</translation>
    </message>
    <message>
        <source>Showing %1 of %2 records.</source>
        <translation>Se muestran %1 de %2 registros.</translation>
    </message>
</context>
<context>
    <name>RecordsPicker</name>
    <message>
        <source>Records this opinion was based on</source>
        <translation>Registros en los que se basa esta opinión</translation>
    </message>
    <message>
        <source>Date unknown</source>
        <translation>Fecha desconocida</translation>
    </message>
</context>
<context>
    <name>RecordsTableModel</name>
    <message>
        <source>Unknown</source>
        <extracomment>Records read when a case opens (more than the tallest screen shows); the rest after. Snippets made at once: more than a screenful of rows.</extracomment>
        <translation>Desconocido</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(sin título)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Centro</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Páginas</translation>
    </message>
    <message>
        <source>Found in text</source>
        <translation>Encontrado en el texto</translation>
    </message>
</context>
<context>
    <name>RecordsTableView</name>
    <message>
        <source>Records</source>
        <translation>Registros</translation>
    </message>
</context>
<context>
    <name>ReleasedRecordsModel</name>
    <message>
        <source>Starts on page</source>
        <translation>Empieza en la página</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Centro</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Páginas</translation>
    </message>
</context>
<context>
    <name>ReleasesPage</name>
    <message>
        <source>Packets sent</source>
        <translation>Paquetes enviados</translation>
    </message>
    <message>
        <source>Find packets by recipient</source>
        <translation>Buscar paquetes por destinatario</translation>
    </message>
    <message>
        <source>Find by recipient, e.g. Mehta</source>
        <translation>Buscar por destinatario, p. ej., Mehta</translation>
    </message>
    <message>
        <source>Records in the chosen packet</source>
        <translation>Registros del paquete elegido</translation>
    </message>
    <message>
        <source>No packet has been exported from this case yet.</source>
        <translation>Todavía no se ha exportado ningún paquete de este caso.</translation>
    </message>
    <message>
        <source>Open a case to see the packets sent from it.</source>
        <translation>Abra un caso para ver los paquetes enviados.</translation>
    </message>
    <message>
        <source>No packet matches.</source>
        <translation>Ningún paquete coincide.</translation>
    </message>
    <message>
        <source>no recipient named</source>
        <translation>sin destinatario</translation>
    </message>
    <message>
        <source>Sent to %1 on %2</source>
        <translation>Enviado a %1 el %2</translation>
    </message>
    <message>
        <source>packet %1</source>
        <translation>paquete %1</translation>
    </message>
    <message>
        <source>archive %1</source>
        <translation>archivo comprimido %1</translation>
    </message>
    <message>
        <source>protected by a password</source>
        <translation>protegido con contraseña</translation>
    </message>
    <message>
        <source>fingerprint %1</source>
        <translation>huella %1</translation>
    </message>
</context>
<context>
    <name>ReleasesTableModel</name>
    <message>
        <source>Sent on</source>
        <translation>Enviado el</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Para</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Registros</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Páginas</translation>
    </message>
    <message>
        <source>Packet</source>
        <translation>Paquete</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Huella</translation>
    </message>
    <message>
        <source>not included</source>
        <translation>no incluido</translation>
    </message>
    <message>
        <source>%1 (not included)</source>
        <translation>%1 (no incluido)</translation>
    </message>
    <message>
        <source>(no recipient named)</source>
        <translation>(sin destinatario)</translation>
    </message>
    <message>
        <source>Not included: %1</source>
        <translation>No incluido: %1</translation>
    </message>
    <message>
        <source>SHA-256 of the packet: %1</source>
        <translation>SHA-256 del paquete: %1</translation>
    </message>
</context>
<context>
    <name>RestoreBackupDialog</name>
    <message>
        <source>Restore a backup</source>
        <translation>Restaurar una copia de seguridad</translation>
    </message>
    <message>
        <source>Choose the backup of “%1” to go back to. A backup copy is taken each time the case is closed after a change; the newest is at the top.</source>
        <extracomment>Asks for another backup file; tests replace it to avoid the native dialog.</extracomment>
        <translation>Elija la copia de seguridad de «%1» a la que quiere volver. Se hace una copia cada vez que se cierra el caso después de un cambio; la más reciente está arriba.</translation>
    </message>
    <message>
        <source>No backup of “%1” has been kept yet. One is taken each time the case is closed after a change. You can also choose a backup copy you made yourself.</source>
        <translation>Todavía no se ha guardado ninguna copia de seguridad de «%1». Se hace una cada vez que se cierra el caso después de un cambio. También puede elegir una copia que haya hecho usted.</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Copias de seguridad</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurar</translation>
    </message>
    <message>
        <source>Choose another &amp;file…</source>
        <translation>Elegir otro &amp;archivo…</translation>
    </message>
    <message>
        <source>The case will go back to how it was on %1. The current state is kept as a backup first, so nothing is lost.</source>
        <translation>El caso volverá a como estaba el %1. Antes se guarda el estado actual como copia de seguridad, así que no se pierde nada.</translation>
    </message>
</context>
<context>
    <name>StageEdit</name>
    <message>
        <source>Stage</source>
        <translation>Estadio</translation>
    </message>
</context>
<context>
    <name>TableEditor</name>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>Add to %1</source>
        <translation>Añadir a %1</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Remove from %1</source>
        <translation>Quitar de %1</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <source>Move up in %1</source>
        <translation>Subir en %1</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Bajar</translation>
    </message>
    <message>
        <source>Move down in %1</source>
        <translation>Bajar en %1</translation>
    </message>
</context>
<context>
    <name>TimelineStrip</name>
    <message>
        <source>Timeline of records by date</source>
        <translation>Cronología de los registros por fecha</translation>
    </message>
    <message>
        <source>No dated records to show</source>
        <translation>No hay registros con fecha que mostrar</translation>
    </message>
</context>
<context>
    <name>TreatmentEditor</name>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>What exactly</source>
        <translation>Qué exactamente</translation>
    </message>
    <message>
        <source>Kind of treatment, step %1</source>
        <translation>Tipo de tratamiento, paso %1</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <source>Unit:</source>
        <translation>Unidad:</translation>
    </message>
    <message>
        <source>Unit to chart</source>
        <translation>Unidad del gráfico</translation>
    </message>
    <message>
        <source>Note about units</source>
        <translation>Nota sobre las unidades</translation>
    </message>
    <message>
        <source>Trend chart</source>
        <translation>Gráfico de evolución</translation>
    </message>
    <message>
        <source>Trend in words</source>
        <translation>Evolución en palabras</translation>
    </message>
    <message>
        <source>Choose a test on the left to see how its values changed.</source>
        <translation>Elija una prueba a la izquierda para ver cómo han cambiado sus valores.</translation>
    </message>
    <message>
        <source>%1 has no dated numbers to draw; its values are in the table.</source>
        <translation>%1 no tiene números con fecha que dibujar; sus valores están en la tabla.</translation>
    </message>
    <message>
        <source>%1 (%2 values)</source>
        <translation>%1 (%2 valores)</translation>
    </message>
    <message>
        <source>%1 (%2 value)</source>
        <translation>%1 (%2 valor)</translation>
    </message>
    <message>
        <source>no unit</source>
        <translation>sin unidad</translation>
    </message>
    <message>
        <source>%1 was measured in %2 different units (%3). Values are never converted, so each unit has its own chart.</source>
        <translation>%1 se midió en %2 unidades distintas (%3). Los valores nunca se convierten, así que cada unidad tiene su propio gráfico.</translation>
    </message>
    <message>
        <source>%1 values from %2 to %3, %4 → %5.</source>
        <translation>%1 valores del %2 al %3, %4 → %5.</translation>
    </message>
    <message>
        <source>One value, %1 on %2.</source>
        <translation>Un valor, %1 el %2.</translation>
    </message>
    <message>
        <source>All within the normal range %1.</source>
        <translation>Todos dentro del rango normal %1.</translation>
    </message>
    <message>
        <source>%1 outside the normal range %2.</source>
        <translation>%1 fuera del rango normal %2.</translation>
    </message>
    <message>
        <source>Trend chart of %1</source>
        <translation>Gráfico de evolución de %1</translation>
    </message>
</context>
<context>
    <name>TrendChoice</name>
    <message>
        <source>Include lab trend charts</source>
        <translation>Incluir gráficos de evolución de los análisis</translation>
    </message>
    <message>
        <source>One page per test, after the opinions: its values over time and range</source>
        <translation>Una página por prueba, después de las opiniones: sus valores a lo largo del tiempo y su rango</translation>
    </message>
    <message>
        <source>Lab tests to chart</source>
        <translation>Pruebas de laboratorio para el gráfico</translation>
    </message>
    <message>
        <source>1 value</source>
        <translation>1 valor</translation>
    </message>
    <message>
        <source>%1 values</source>
        <translation>%1 valores</translation>
    </message>
</context>
<context>
    <name>TrendPlot</name>
    <message>
        <source>no unit</source>
        <extracomment>Markers further than this outside the measured dates are left off the chart. Above this many points, values are not written beside them (the table has them). The value under the mouse (a LabValue), or None when the mouse leaves it. Values above the range (or abnormal): triangles pointing up. Values below the range: triangles pointing down.</extracomment>
        <translation>sin unidad</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Normal range %1</source>
        <translation>Rango normal %1</translation>
    </message>
    <message>
        <source>%1 values</source>
        <translation>%1 valores</translation>
    </message>
    <message>
        <source>In range (●)</source>
        <translation>Dentro del rango (●)</translation>
    </message>
    <message>
        <source>Above range (▲)</source>
        <translation>Por encima del rango (▲)</translation>
    </message>
    <message>
        <source>Below range (▼)</source>
        <translation>Por debajo del rango (▼)</translation>
    </message>
    <message>
        <source>Opinion or treatment (dashed)</source>
        <translation>Opinión o tratamiento (línea discontinua)</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Opinion Desktop</source>
        <translation>Opinion Desktop</translation>
    </message>
    <message>
        <source>Keep all your medical records in one case file on this computer, find any of them in seconds, and prepare for a second opinion. Nothing leaves this computer.</source>
        <translation>Guarde todos sus registros médicos en un archivo del caso en este ordenador, encuentre cualquiera de ellos en segundos y prepárese para una segunda opinión. Nada sale de este ordenador.</translation>
    </message>
    <message>
        <source>&amp;New case…</source>
        <translation>&amp;Nuevo caso…</translation>
    </message>
    <message>
        <source>Start a new case file</source>
        <translation>Crear un nuevo archivo de caso</translation>
    </message>
    <message>
        <source>&amp;Open case…</source>
        <translation>&amp;Abrir caso…</translation>
    </message>
    <message>
        <source>Open a case file</source>
        <translation>Abrir un archivo de caso</translation>
    </message>
    <message>
        <source>Open the &amp;demo case</source>
        <translation>Abrir el caso de &amp;ejemplo</translation>
    </message>
    <message>
        <source>Open an example case to look around</source>
        <translation>Abrir un caso de ejemplo para echar un vistazo</translation>
    </message>
    <message>
        <source>Recent cases</source>
        <translation>Casos recientes</translation>
    </message>
</context>
<context>
    <name>Wording</name>
    <message>
        <source>1 page of records</source>
        <translation>1 página de registros</translation>
    </message>
    <message>
        <source>%1 pages of records</source>
        <translation>%1 páginas de registros</translation>
    </message>
    <message>
        <source>1 record</source>
        <translation>1 registro</translation>
    </message>
    <message>
        <source>%1 records</source>
        <translation>%1 registros</translation>
    </message>
    <message>
        <source>1 page in all</source>
        <translation>1 página en total</translation>
    </message>
    <message>
        <source>%1 pages in all</source>
        <translation>%1 páginas en total</translation>
    </message>
    <message>
        <source>1 file added</source>
        <translation>1 archivo añadido</translation>
    </message>
    <message>
        <source>%1 files added</source>
        <translation>%1 archivos añadidos</translation>
    </message>
    <message>
        <source>1 already in the case</source>
        <translation>1 ya estaba en el caso</translation>
    </message>
    <message>
        <source>%1 already in the case</source>
        <translation>%1 ya estaban en el caso</translation>
    </message>
    <message>
        <source>1 could not be added</source>
        <translation>1 no se pudo añadir</translation>
    </message>
    <message>
        <source>%1 could not be added</source>
        <translation>%1 no se pudieron añadir</translation>
    </message>
    <message>
        <source>1 file added to the case.</source>
        <translation>Se añadió 1 archivo al caso.</translation>
    </message>
    <message>
        <source>%1 files added to the case.</source>
        <translation>Se añadieron %1 archivos al caso.</translation>
    </message>
    <message>
        <source>1 page</source>
        <translation>1 página</translation>
    </message>
    <message>
        <source>%1 pages</source>
        <translation>%1 páginas</translation>
    </message>
    <message>
        <source>1 record not included</source>
        <translation>1 registro no incluido</translation>
    </message>
    <message>
        <source>%1 records not included</source>
        <translation>%1 registros no incluidos</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>Print the packet</source>
        <extracomment>Lets the person choose a printer and pages; ``False`` when they cancel. Pages are rendered at most this fine (dots per inch) before going to the printer. The packet is made after the print dialog closes, so its page count is not known there yet.</extracomment>
        <translation>Imprimir el paquete</translation>
    </message>
    <message>
        <source>%1 is protected by a password. Type the password to add it:</source>
        <extracomment>Asks for the password of encrypted PDFs; ``None`` when the person declines.</extracomment>
        <translation>%1 está protegido con una contraseña. Escriba la contraseña para añadirlo:</translation>
    </message>
    <message>
        <source>That password did not open it. Try again?</source>
        <translation>Esa contraseña no lo abrió. ¿Quiere intentarlo de nuevo?</translation>
    </message>
    <message>
        <source>Password needed</source>
        <translation>Se necesita una contraseña</translation>
    </message>
    <message>
        <source>Choose a backup copy</source>
        <translation>Elija una copia de seguridad</translation>
    </message>
    <message>
        <source>Case files and backup copies (*.opcase *.bak);;All files (*)</source>
        <translation>Archivos de caso y copias de seguridad (*.opcase *.bak);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Restore this backup?</source>
        <translation>¿Restaurar esta copia de seguridad?</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurar</translation>
    </message>
    <message>
        <source>Save the comparison as a PDF</source>
        <extracomment>Asks where to save the PDF; returns None when the person cancels.</extracomment>
        <translation>Guardar la comparación como PDF</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Documento PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>self._window</name>
    <message>
        <source>Please wait: a packet is being made.</source>
        <extracomment>True when the pages went to the printer; False when declined, cancelled or failed.
----------
Opens a local file or folder with the program the computer uses for it. The :class:`ExportResult`, or ``None`` when the export failed or was cancelled.</extracomment>
        <translation>Espere, por favor: se está preparando un paquete.</translation>
    </message>
    <message>
        <source>the specialist</source>
        <translation>el especialista</translation>
    </message>
    <message>
        <source>Printed packet for %1</source>
        <translation>Paquete impreso para %1</translation>
    </message>
    <message>
        <source>The packet was not printed</source>
        <translation>El paquete no se imprimió</translation>
    </message>
    <message>
        <source>Printing page %1 of %2…</source>
        <translation>Imprimiendo la página %1 de %2…</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>Copia de seguridad restaurada</translation>
    </message>
    <message>
        <source>Adding files to the case…</source>
        <extracomment>Every outcome of the import (after password retries), in input order.</extracomment>
        <translation>Añadiendo archivos al caso…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>Importando</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>Progreso de la importación</translation>
    </message>
    <message>
        <source>Import stopped.</source>
        <translation>Importación detenida.</translation>
    </message>
    <message>
        <source>The packet was not made</source>
        <translation>No se preparó el paquete</translation>
    </message>
    <message>
        <source>%1 could not be opened.</source>
        <translation>No se pudo abrir %1.</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>Restoring the backup…</source>
        <translation>Restaurando la copia de seguridad…</translation>
    </message>
    <message>
        <source>The backup was not restored</source>
        <translation>No se restauró la copia de seguridad</translation>
    </message>
    <message>
        <source>The case is back to how it was on %1.</source>
        <translation>El caso ha vuelto a como estaba el %1.</translation>
    </message>
    <message>
        <source>The state before the restore was kept as %1; choose it in Restore backup… to go back.</source>
        <translation>El estado anterior a la restauración se guardó como %1; elíjalo en «Restaurar una copia de seguridad…» para volver atrás.</translation>
    </message>
    <message>
        <source>The case could not be opened</source>
        <translation>No se pudo abrir el caso</translation>
    </message>
</context>
</TS>
