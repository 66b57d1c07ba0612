package main

import (
	"fmt"
	"os"
	"net/http"
	"io"
)

func main() {

	url := "{{apiPath}}/environments/{{envID}}/certificates/{{certID}}"
	method := "PUT"

	payload, err := os.Open("certs/signing.pem")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer payload.Close()

	client := &http.Client {
	}
	req, err := http.NewRequest(method, url, payload)

	if err != nil {
		fmt.Println(err)
		return
	}
	req.Header.Add("Authorization", "Bearer {{accessToken}}")
	req.Header.Add("Content-Type", "application/x-pem-file")

	res, err := client.Do(req)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer res.Body.Close()

	body, err := io.ReadAll(res.Body)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(string(body))
}
