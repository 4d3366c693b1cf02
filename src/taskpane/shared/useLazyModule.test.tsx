/** @jest-environment jsdom */
import * as React from "react";
import { act, render, screen } from "@testing-library/react";
import { lazyModule, useLazyModule } from "./useLazyModule";

function Shows({ lazy }: { lazy: ReturnType<typeof lazyModule<{ word: string }>> }) {
  const [module] = useLazyModule(lazy);
  const [, rerender] = React.useState(0);
  return (
    <button type="button" onClick={() => rerender((n) => n + 1)}>
      {module ? module.word : "not loaded"}
    </button>
  );
}

describe("useLazyModule", () => {
  it("shows a module loaded elsewhere after the view mounted at its next render, without asking again", async () => {
    let imports = 0;
    const lazy = lazyModule(async () => {
      imports++;
      return { word: "loaded" };
    });
    render(<Shows lazy={lazy} />);
    expect(screen.getByRole("button").textContent).toBe("not loaded");
    await act(() => lazy.load()); // asked for ahead of use, as the pane does when idle
    act(() => screen.getByRole("button").click()); // any render of the view
    expect(screen.getByRole("button").textContent).toBe("loaded");
    expect(imports).toBe(1);
  });
});
