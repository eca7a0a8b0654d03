import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { promisify } from 'node:util'

/** A minimal environment: the examples must not depend on the parent's npm settings or keys. */
export function cleanEnv(extra: Record<string, string>): Record<string, string> {
  const keep = ['PATH', 'HOME', 'LANG', 'TMPDIR', 'PYENV_ROOT', 'PYENV_VERSION']
  return { ...Object.fromEntries(keep.flatMap((name) => (process.env[name] ? [[name, process.env[name]]] : []))), ...extra }
}

export interface Running {
  child: ChildProcess
  /** The first capture group of `ready` in the output. */
  match: string
  output: () => string
  exited: Promise<number | null>
}

/** Starts a long-running process and waits until its output matches `ready`. */
export async function startProcess(command: string, args: string[], options: { cwd?: string; env: Record<string, string>; ready: RegExp; timeoutMs?: number }): Promise<Running> {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  const append = (chunk: Buffer) => {
    output += chunk.toString()
  }
  child.stdout?.on('data', append)
  child.stderr?.on('data', append)
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  const match = await new Promise<string>((resolve, reject) => {
    const deadline = setTimeout(() => {
      clearInterval(timer)
      child.kill('SIGKILL')
      reject(new Error(`${command} ${args.join(' ')} did not print ${options.ready} in time:\n${output}`))
    }, options.timeoutMs ?? 30_000)
    const timer = setInterval(() => {
      const found = options.ready.exec(output)
      if (found) {
        clearInterval(timer)
        clearTimeout(deadline)
        resolve(found[1] ?? found[0])
      }
    }, 25)
    exited.then((code) => {
      clearInterval(timer)
      clearTimeout(deadline)
      reject(new Error(`${command} exited with ${code}:\n${output}`))
    })
  })
  return { child, match, output: () => output, exited }
}

const execFileAsync = promisify(execFile)

/** Runs a command to its end; resolves with its output and exit code instead of throwing. */
export async function runToEnd(command: string, args: string[], options: { cwd?: string; env: Record<string, string> }): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await execFileAsync(command, args, { ...options, timeout: 45_000, maxBuffer: 16 * 1024 * 1024 })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string }
    return { code: typeof failed.code === 'number' ? failed.code : 1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? String(error) }
  }
}
