import { useState } from 'react'

import { errorMessage } from '../api'

/** One submission at a time with busy / error state: `run` answers the call's result, or null after showing its error. */
export function useSubmit() {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  async function run<T>(call: () => Promise<T>): Promise<T | null> {
    setBusy(true)
    setError('')
    try {
      return await call()
    } catch (e) {
      setError(errorMessage(e))
      return null
    } finally {
      setBusy(false)
    }
  }
  return { busy, error, setError, run }
}
