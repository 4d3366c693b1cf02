import * as React from "react";
import { Button } from "@fluentui/react-components";
import { FolderOpenRegular } from "@fluentui/react-icons";
import { WORKBOOK_TYPES } from "../host/files";

/** "Open .xlsx…": the browser's file picker; the file never leaves the page. */
export function OpenButton({
  disabled,
  onFile,
}: {
  disabled: boolean;
  onFile: (file: File) => void;
}): React.JSX.Element {
  const input = React.useRef<HTMLInputElement>(null);
  return (
    <>
      <Button
        icon={<FolderOpenRegular />}
        disabled={disabled}
        onClick={() => input.current?.click()}
      >
        Open .xlsx…
      </Button>
      <input
        ref={input}
        type="file"
        accept={WORKBOOK_TYPES}
        hidden
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = ""; // choosing the same file again opens it again
          if (file) onFile(file);
        }}
      />
    </>
  );
}
